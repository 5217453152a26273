package org.karyoloop.annotation;

import java.util.UUID;
import org.karyoloop.ml.data.SlideSplit;

/**
 * Decides whether an image is read blind by two doctors: every image of a slide the training split holds out
 * (when so configured), and otherwise a stable hash of the image id below the configured share.
 * Deterministic, so a redelivered request makes the same decision. Stateless; thread-safe.
 */
public final class SecondReadPolicy {

    private SecondReadPolicy() {
    }

    /**
     * 2 when the image lies on a slide {@code split} holds out from training (validation or evaluation; null: no
     * such rule) or falls in the second-read share, else 1.
     */
    public static int readsFor(UUID imageId, String slideId, double share, SlideSplit split) {
        if (split != null && split.partOf(slideId, imageId.toString()) != SlideSplit.Part.TRAIN) {
            return 2;
        }
        return readsFor(imageId, share);
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
