package org.karyoloop.synth;

import java.util.Locale;

/**
 * The acquisition conditions of one image source (archive, microscope generation, fluorescence
 * scope), as knobs that change how a spread looks; only {@code blurScale} also changes its truth.
 *
 * @param name the domain's name as written in the manifest
 * @param modality how the image is formed: bright-field absorbance (dark on light), fluorescence
 *     emission (bright on dark), or fluorescence stored inverted (dark on light)
 * @param whiteShareGood probability that a GOOD image has a white background (bright-field)
 * @param whiteShareFair probability that a FAIR image has a white background (bright-field)
 * @param whiteSharePoor probability that a POOR image has a white background (bright-field)
 * @param whiteLevel mean gray level (0–255) of a white background (bright-field)
 * @param grayLevel mean gray level (0–255) of a gray background; in fluorescence the dark
 *     background's level before any inversion
 * @param levelSpread standard deviation of the background level between slides, in gray levels
 * @param unevenness largest darkening of the corners against the centre (vignetting; in
 *     fluorescence of the excitation light), a fraction
 * @param noiseMin smallest sensor (read) noise, standard deviation in gray levels
 * @param noiseMax largest sensor (read) noise, standard deviation in gray levels
 * @param blurScale multiplier on the focus blur of every image (1 = as planned); part of the truth
 * @param scale magnification: multiplier on every object's size in pixels (1 = reference)
 * @param jpegQuality 0 for none, else the pixels go through JPEG at this quality (1–100)
 * @param widthScale multiplier on chromosome widths, lengths kept (1 = reference proportions)
 * @param bandContrast depth of the band pattern: 1 = full G-band contrast, 0 = no bands
 * @param brightness fluorescence: gray levels emitted per unit of dye density (0 in bright-field)
 * @param halo fluorescence: share of the emitted light spread into a wide out-of-focus halo
 * @param bleach fluorescence: largest loss of brightness to photobleaching, a fraction
 * @param shotNoise fluorescence: photon shot noise, variance in gray levels squared per gray level
 * @param nucleusBrightness fluorescence: dye density of an interphase nucleus relative to its
 *     bright-field absorbance (nuclei are paler than chromosomes below 1)
 * @param crowding multiplier on the share of the spread's disc the chromosomes cover (1 = reference;
 *     above 1 the spread is more compact); appearance, the truth is measured from the masks
 * @param extraNuclei up to this many more interphase nuclei per field (uniform 0..extraNuclei)
 */
public record Domain(
        String name,
        Modality modality,
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
        int jpegQuality,
        double widthScale,
        double bandContrast,
        double brightness,
        double halo,
        double bleach,
        double shotNoise,
        double nucleusBrightness,
        double crowding,
        int extraNuclei) {

    public Domain {
        if (name == null || name.isBlank() || modality == null) {
            throw new IllegalArgumentException("a domain needs a name and a modality");
        }
        requireShare(whiteShareGood, "whiteShareGood");
        requireShare(whiteShareFair, "whiteShareFair");
        requireShare(whiteSharePoor, "whiteSharePoor");
        requireShare(bandContrast, "bandContrast");
        requireShare(halo, "halo");
        requireShare(bleach, "bleach");
        requireShare(unevenness, "unevenness");
        if (noiseMin < 0 || noiseMax < noiseMin) {
            throw new IllegalArgumentException("noise range must satisfy 0 <= noiseMin <= noiseMax");
        }
        if (blurScale <= 0 || scale <= 0 || widthScale <= 0) {
            throw new IllegalArgumentException("blurScale, scale and widthScale must be positive");
        }
        if (jpegQuality < 0 || jpegQuality > 100) {
            throw new IllegalArgumentException("jpegQuality must be 0 (none) or 1–100");
        }
        if (whiteLevel < 0 || whiteLevel > 255 || grayLevel < 0 || grayLevel > 255 || levelSpread < 0) {
            throw new IllegalArgumentException("background levels must lie within [0, 255], their spread >= 0");
        }
        if (brightness < 0 || shotNoise < 0 || nucleusBrightness < 0) {
            throw new IllegalArgumentException("brightness, shotNoise and nucleusBrightness must be >= 0");
        }
        if (crowding <= 0 || extraNuclei < 0) {
            throw new IllegalArgumentException("crowding must be positive, extraNuclei >= 0");
        }
        if (modality != Modality.BRIGHTFIELD && brightness <= 0) {
            throw new IllegalArgumentException("a fluorescence domain needs a brightness > 0");
        }
    }

    /** The old archive: most GOOD images white, most POOR ones gray, an older noisier camera. */
    public static Domain legacy() {
        return brightField("legacy", 0.9, 0.5, 0.1, 236, 188, 7, 0.12, 2.0, 4.5);
    }

    /** The new microscopes: gray backgrounds for every grade, a quieter camera. */
    public static Domain newMicroscopes() {
        return brightField("new", 0, 0, 0, 236, 192, 9, 0.10, 1.5, 3.5);
    }

    /**
     * A DAPI fluorescence scope, fitted to the shared ADIR M-FISH cells at their 645 x 517 frames
     * (docs/synthetic.md, "The fluorescence domain"): near-black background, bright chromosomes with
     * bright AT-rich bands, a soft halo, photobleaching, shot noise and pale interphase nuclei.
     */
    public static Domain fluorescence() {
        return new Domain("fluorescence", Modality.FLUORESCENCE, 0, 0, 0, 0, 4, 2.5, 0.15, 0.8, 1.8, 1.3, 1.4, 0,
                2.1, 0.55, 200, 0.55, 0.5, 0.12, 0.7, 2.0, 2);
    }

    /** The fluorescence domain as some capture software stores it: inverted, dark chromosomes on white. */
    public static Domain fluorescenceInverted() {
        return fluorescence().with("fluorescence-inverted", "modality", Modality.FLUORESCENCE_INVERTED.wire());
    }

    /** The domain called {@code legacy}, {@code new}, {@code fluorescence} or {@code fluorescence-inverted}. */
    public static Domain named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "legacy" -> legacy();
            case "new" -> newMicroscopes();
            case "fluorescence" -> fluorescence();
            case "fluorescence-inverted" -> fluorescenceInverted();
            default -> throw new IllegalArgumentException("unknown domain '" + name
                    + "' (legacy|new|fluorescence|fluorescence-inverted)");
        };
    }

    /** Whether {@link #named} knows {@code name}. */
    public static boolean known(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "legacy", "new", "fluorescence", "fluorescence-inverted" -> true;
            default -> false;
        };
    }

    /**
     * A domain from a spec {@code name[:knob=value,...]} ({@link DomainSpec}), e.g.
     * {@code shifted:blur=1.3,scale=0.85,jpeg=70,noise=2-6} or {@code dapi:modality=fluorescence,blur=1.2}.
     */
    public static Domain parse(String spec) {
        return DomainSpec.parse(spec);
    }

    /** Whether the image is formed by emission (fluorescence, stored either way). */
    public boolean fluorescent() {
        return modality != Modality.BRIGHTFIELD;
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
        return with(newName, "noise", min + "-" + max);
    }

    /** This domain under another name with other optics (blur, magnification, JPEG). */
    public Domain withOptics(String newName, double newBlurScale, double newScale, int newJpegQuality) {
        return DomainSpec.override(this, newName, java.util.Map.of("blur", Double.toString(newBlurScale),
                "scale", Double.toString(newScale), "jpeg", Integer.toString(newJpegQuality)));
    }

    /** This domain under another name with one knob ({@link DomainSpec#KNOBS}) set to {@code value}. */
    public Domain with(String newName, String knob, String value) {
        return DomainSpec.override(this, newName, java.util.Map.of(knob, value));
    }

    private static Domain brightField(String name, double whiteGood, double whiteFair, double whitePoor,
            double white, double gray, double spread, double unevenness, double noiseMin, double noiseMax) {
        return new Domain(name, Modality.BRIGHTFIELD, whiteGood, whiteFair, whitePoor, white, gray, spread, unevenness,
                noiseMin, noiseMax, 1.0, 1.0, 0, 1.0, 1.0, 0, 0, 0, 0, 1.0, 1.0, 0);
    }

    private static void requireShare(double share, String what) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException(what + " must be within [0, 1]");
        }
    }
}
