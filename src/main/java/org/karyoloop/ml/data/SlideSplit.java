package org.karyoloop.ml.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Assigns whole slides to train, validation or test by a stable hash of the slide id and a salt, so
 * images of one slide (which share culture quality and staining) never land in two splits, and a
 * slide keeps its split across jobs: a slide in the test split is never trained on. Thread-safe
 * (immutable).
 *
 * @param salt mixed into the hash; changing it reshuffles every slide (never do that for a frozen set)
 * @param validationShare share of slides for validation, 0..1
 * @param testShare share of slides for test, 0..1
 */
public record SlideSplit(String salt, double validationShare, double testShare) {

    /** Where a slide's images go. */
    public enum Part { TRAIN, VALIDATION, TEST }

    public SlideSplit {
        if (validationShare < 0 || testShare < 0 || validationShare + testShare >= 1) {
            throw new IllegalArgumentException("shares must be >= 0 and leave some slides for training");
        }
        salt = salt == null ? "" : salt;
    }

    /** The part of {@code slideId}; an image without a slide counts as its own slide ({@code fallbackId}). */
    public Part partOf(String slideId, String fallbackId) {
        double u = unit(slideId == null || slideId.isBlank() ? "image:" + fallbackId : "slide:" + slideId);
        if (u < testShare) {
            return Part.TEST;
        }
        return u < testShare + validationShare ? Part.VALIDATION : Part.TRAIN;
    }

    /** The part of {@code slideId}. */
    public Part partOf(String slideId) {
        return partOf(slideId, slideId);
    }

    /** A uniform number in [0, 1) from the first 8 bytes of SHA-256(salt + key). */
    private double unit(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((salt + "|" + key).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (d[i] & 0xFF);
            }
            return (bits >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
