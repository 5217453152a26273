package org.karyoloop.scoring.serving;

/** Told when versions start serving, retire, or fail to load. Implementations must be thread-safe. */
public interface ServingListener {

    /** {@code status} is a {@code ModelServingChanged} status; {@code detail} says why a load failed. */
    void servingChanged(String modelName, String version, String arm, String status, String detail);
}
