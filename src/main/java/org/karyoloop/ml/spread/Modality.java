package org.karyoloop.ml.spread;

import java.util.Locale;

/**
 * How a microscope image shows its chromosomes: dark on light (bright-field: Giemsa, G-banding), bright on dark
 * (fluorescence: DAPI, M-FISH, FISH), or fluorescence stored inverted by its capture software (dark on light, but
 * with a fluorescence image's near-empty, noise-flat background).
 */
public enum Modality {
    BRIGHTFIELD("brightfield"),
    FLUORESCENCE("fluorescence"),
    FLUORESCENCE_INVERTED("fluorescence-inverted");

    private final String wire;

    Modality(String wire) {
        this.wire = wire;
    }

    /** The name in events, configuration, the CLI and the pages. */
    public String wire() {
        return wire;
    }

    /** Whether chromosomes are brighter than the background in the stored pixels. */
    public boolean brightOnDark() {
        return this == FLUORESCENCE;
    }

    /** The modality named {@code name} (its wire name, case-insensitive; {@code _} and {@code -} alike). */
    public static Modality parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Modality m : values()) {
            if (m.wire.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown modality '" + name + "' (brightfield, fluorescence, "
                + "fluorescence-inverted)");
    }
}
