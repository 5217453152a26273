package org.karyoloop.ml.spread;

/** Why an image is not a metaphase spread that can be graded; such an image is never graded GOOD. */
public enum NotSpreadReason {
    /** Nothing stands out of the background: a blank, black or white frame. */
    BLANK_FRAME("blank-frame", "nothing stands out of the background"),
    /** Most of the frame is clipped at black or white. */
    SATURATED("saturated", "most of the frame is clipped at black or white"),
    /** Too few chromosome-like objects for a metaphase (a single-chromosome crop, a near-empty field). */
    TOO_FEW_CHROMOSOMES("too-few-chromosomes", "too few chromosome-sized objects for a metaphase"),
    /** Only large round objects: interphase nuclei, no condensed chromosomes. */
    INTERPHASE_ONLY("interphase-only", "only interphase nuclei, no condensed chromosomes"),
    /** Chromosomes arranged in rows by class: a karyogram, not a spread. */
    KARYOGRAM("karyogram", "chromosomes arranged in rows: a karyogram, not a spread");

    private final String wire;
    private final String description;

    NotSpreadReason(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    /** The reason's code in events, the prediction table and the CLI. */
    public String wire() {
        return wire;
    }

    /** A sentence for people: the doctors' page, the CLI. */
    public String description() {
        return description;
    }
}
