package org.karyoloop.ml.registry;

/** Where a model version came from. */
public enum ModelOrigin {
    /** Trained by karyoloop's training role. */
    TRAINED,
    /** Trained elsewhere and registered by an operator. */
    IMPORTED
}
