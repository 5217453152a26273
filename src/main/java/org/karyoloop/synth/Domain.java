package org.karyoloop.synth;

import java.util.Locale;

/**
 * The acquisition conditions of one image source (archive, microscope generation), as knobs that
 * change how a spread looks; only {@code blurScale} also changes its truth.
 *
 * @param name the domain's name as written in the manifest
 * @param whiteShareGood probability that a GOOD image has a white background
 * @param whiteShareFair probability that a FAIR image has a white background
 * @param whiteSharePoor probability that a POOR image has a white background
 * @param whiteLevel mean gray level (0–255) of a white background
 * @param grayLevel mean gray level (0–255) of a gray background
 * @param levelSpread standard deviation of the background level between slides, in gray levels
 * @param unevenness largest darkening of the corners against the centre (vignetting), a fraction
 * @param noiseMin smallest sensor noise, standard deviation in gray levels
 * @param noiseMax largest sensor noise, standard deviation in gray levels
 * @param blurScale multiplier on the focus blur of every image (1 = as planned); part of the truth
 * @param scale magnification: multiplier on every object's size in pixels (1 = reference)
 * @param jpegQuality 0 for none, else the pixels go through JPEG at this quality (1–100)
 */
public record Domain(
        String name,
        double whiteShareGood,
        double whiteShareFair,
        double whiteSharePoor,
        double whiteLevel,
        double grayLevel,
        double levelSpread,
        double unevenness,
        double noiseMin,
        double noiseMax,
        double blurScale,
        double scale,
        int jpegQuality) {

    public Domain {
        requireShare(whiteShareGood, "whiteShareGood");
        requireShare(whiteShareFair, "whiteShareFair");
        requireShare(whiteSharePoor, "whiteSharePoor");
        if (noiseMin < 0 || noiseMax < noiseMin) {
            throw new IllegalArgumentException("noise range must satisfy 0 <= noiseMin <= noiseMax");
        }
        if (blurScale <= 0 || scale <= 0) {
            throw new IllegalArgumentException("blurScale and scale must be positive");
        }
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("jpegQuality must be 0 (none) or 1–100");
        }
    }

    /** The old archive: most GOOD images white, most POOR ones gray, an older noisier camera. */
    public static Domain legacy() {
        return new Domain("legacy", 0.9, 0.5, 0.1, 236, 188, 7, 0.12, 2.0, 4.5, 1.0, 1.0, 0);
    }

    /** The new microscopes: gray backgrounds for every grade, a quieter camera. */
    public static Domain newMicroscopes() {
        return new Domain("new", 0, 0, 0, 236, 192, 9, 0.10, 1.5, 3.5, 1.0, 1.0, 0);
    }

    /** The domain called {@code legacy} or {@code new}. */
    public static Domain named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "legacy" -> legacy();
            case "new" -> newMicroscopes();
            default -> throw new IllegalArgumentException("unknown domain '" + name + "' (legacy|new)");
        };
    }

    /** Probability that an image of this true grade has a white background. */
    public double whiteShare(Grade grade) {
        return switch (grade) {
            case GOOD -> whiteShareGood;
            case FAIR -> whiteShareFair;
            case POOR -> whiteSharePoor;
        };
    }

    /** This domain under another name with other noise; for building shifted test domains. */
    public Domain withNoise(String newName, double min, double max) {
        return new Domain(newName, whiteShareGood, whiteShareFair, whiteSharePoor, whiteLevel, grayLevel,
                levelSpread, unevenness, min, max, blurScale, scale, jpegQuality);
    }

    /** This domain under another name with other optics (blur, magnification, JPEG). */
    public Domain withOptics(String newName, double newBlurScale, double newScale, int newJpegQuality) {
        return new Domain(newName, whiteShareGood, whiteShareFair, whiteSharePoor, whiteLevel, grayLevel,
                levelSpread, unevenness, noiseMin, noiseMax, newBlurScale, newScale, newJpegQuality);
    }

    private static void requireShare(double share, String what) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException(what + " must be within [0, 1]");
        }
    }
}
