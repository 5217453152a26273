package org.karyoloop.annotation;

import java.util.Locale;

/** What a doctor may note about a spread besides its grade. */
public enum Flag {
    OVERLAPS, BLUR, DEBRIS, NOT_A_METAPHASE;

    /** The wire name, e.g. {@code not-a-metaphase}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The flag with that wire name. */
    public static Flag ofCode(String code) {
        for (Flag f : values()) {
            if (f.code().equals(code)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown flag '" + code + "'");
    }
}
