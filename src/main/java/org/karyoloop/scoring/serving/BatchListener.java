package org.karyoloop.scoring.serving;

/** Told about every micro-batch, for metrics. Implementations must be thread-safe. */
public interface BatchListener {

    /** A batch of {@code size} images ran in {@code nanos}. */
    void batchDone(String version, int size, long nanos);

    /** A batch of {@code size} images failed. */
    void batchFailed(String version, int size, Exception e);
}
