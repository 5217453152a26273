package org.karyoloop.synth;

import java.util.Locale;

/**
 * How the generator renders a spread: absorbance, dark on light (bright-field: Giemsa, G-banding); emission,
 * bright on dark (fluorescence: DAPI); or emission stored inverted, as some capture software writes it. The wire
 * names are those the service detects and records for a real image, so a generated image and its measured
 * modality compare by name.
 */
public enum Modality {
    BRIGHTFIELD("brightfield"),
    FLUORESCENCE("fluorescence"),
    FLUORESCENCE_INVERTED("fluorescence-inverted");

    private final String wire;

    Modality(String wire) {
        this.wire = wire;
    }

    /** The name in domain specs, manifests and the service's events. */
    public String wire() {
        return wire;
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
