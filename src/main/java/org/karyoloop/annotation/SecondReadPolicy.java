package org.karyoloop.annotation;

import java.util.UUID;

/**
 * Decides whether an image is read blind by two doctors: a stable hash of the image id below the
 * configured share. Deterministic, so a redelivered request makes the same decision.
 */
public final class SecondReadPolicy {

    private SecondReadPolicy() {
    }

    /** 2 when the image falls in the second-read share, else 1. */
    public static int readsFor(UUID imageId, double share) {
        return unitHash(imageId) < share ? 2 : 1;
    }

    /** A uniform value in [0, 1) derived from the id (SplitMix64 finaliser over both halves). */
    public static double unitHash(UUID id) {
        long z = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L + id.getLeastSignificantBits();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
