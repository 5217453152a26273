package org.karyoloop.synth;

/**
 * A non-chromosome object in the field: an interphase nucleus (large, dark, textured), a red blood
 * cell (pale disc with a darker rim, or a ring when lysed) or a speck of debris.
 *
 * @param kind what the object is
 * @param x centre, pixels
 * @param y centre, pixels
 * @param rx semi-axis along the object's own x axis, pixels
 * @param ry semi-axis along the object's own y axis, pixels
 * @param angle rotation, radians
 * @param absorbance peak absorbance of the stain in the object
 * @param seed seed of its texture and outline
 */
record Cell(Kind kind, double x, double y, double rx, double ry, double angle, double absorbance, long seed) {

    /** The kinds of non-chromosome objects. */
    enum Kind {
        NUCLEUS,
        BLOOD_CELL,
        GHOST_CELL,
        DEBRIS
    }

    /** Whether the object hides the chromosomes under it, for grading. */
    boolean covers() {
        return kind != Kind.DEBRIS;
    }

    /** Radius of a circle that encloses the object, with its ragged outline. */
    double reach() {
        return 1.2 * Math.max(rx, ry);
    }
}
