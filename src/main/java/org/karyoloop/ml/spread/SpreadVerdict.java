package org.karyoloop.ml.spread;

import org.karyoloop.imaging.DecodedImage;

/**
 * Whether an image is a metaphase spread that can be graded at all, and why not: a blank frame, a saturated one,
 * interphase nuclei only, too few chromosomes (a single-chromosome crop, a near-empty field), or chromosomes
 * standing upright in rows (an arranged karyogram). Such an image is never graded GOOD. Thread-safe (stateless).
 */
public final class SpreadVerdict {

    /** Least chromosome signal, in gray levels, for anything to stand out of the background. */
    static final double MIN_SIGNAL_LEVELS = 6;
    /** A frame with this share of its pixels at one gray level holds nothing to measure. */
    static final double UNIFORM_SHARE = 0.97;
    /** Share of chromosome pixels clipped at the stain's extreme above which the image is saturated. */
    static final double CLIPPED_SHARE = 0.3;
    /** Fewest chromosomes of a metaphase spread worth grading. */
    static final int MIN_CHROMOSOMES = 12;
    /** Fewest elongated single chromosomes for the orientation test of a karyogram. */
    static final int KARYOGRAM_MIN_RODS = 15;
    /** Share of elongated chromosomes standing within {@value #UPRIGHT_DEGREES} degrees of vertical in a karyogram. */
    static final double KARYOGRAM_UPRIGHT_SHARE = 0.6;
    static final double UPRIGHT_DEGREES = 20;
    /** Least elongation of a chromosome whose orientation is read. */
    static final double ROD_ELONGATION = 1.8;

    private SpreadVerdict() {
    }

    /** Why {@code image} is not a spread, or null when it is. */
    static NotSpreadReason judge(DecodedImage image, SpreadObjects objects, Census census) {
        StainField field = objects.field();
        if (uniformShare(image) >= UNIFORM_SHARE || field.signal() * 255 < MIN_SIGNAL_LEVELS) {
            return NotSpreadReason.BLANK_FRAME;
        }
        if (clippedShare(objects, census) > CLIPPED_SHARE) {
            return NotSpreadReason.SATURATED;
        }
        if (census.chromosomes() < MIN_CHROMOSOMES) {
            return objects.nuclei() > 0 ? NotSpreadReason.INTERPHASE_ONLY : NotSpreadReason.TOO_FEW_CHROMOSOMES;
        }
        if (uprightShare(objects, census) >= KARYOGRAM_UPRIGHT_SHARE) {
            return NotSpreadReason.KARYOGRAM;
        }
        return null;
    }

    private static double uniformShare(DecodedImage image) {
        int[] h = new int[256];
        for (byte b : image.gray()) {
            h[b & 0xFF]++;
        }
        int max = 0;
        for (int c : h) {
            max = Math.max(max, c);
        }
        return max / (double) image.gray().length;
    }

    /** Share of counted chromosome pixels at the stain's extreme (black in the dark-on-light field). */
    private static double clippedShare(SpreadObjects objects, Census census) {
        float[] gray = objects.field().gray();
        int[] label = objects.label();
        int[] per = census.perObject();
        int pixels = 0;
        int clipped = 0;
        for (int i = 0; i < gray.length; i++) {
            if (label[i] >= 0 && per[label[i]] >= 1) {
                pixels++;
                clipped += gray[i] <= 0.5f / 255f ? 1 : 0;
            }
        }
        return pixels == 0 ? 0 : clipped / (double) pixels;
    }

    /** Share of elongated single chromosomes that stand upright, or 0 when there are too few to tell. */
    private static double uprightShare(SpreadObjects objects, Census census) {
        double[][] stats = objects.stats();
        int[] per = census.perObject();
        int rods = 0;
        int upright = 0;
        for (int o = 0; o < objects.count(); o++) {
            if (per[o] != 1 || Shape.elongation(stats[o]) < ROD_ELONGATION) {
                continue;
            }
            rods++;
            double fromVertical = Math.abs(Math.abs(Math.toDegrees(Shape.orientation(stats[o]))) - 90);
            upright += fromVertical <= UPRIGHT_DEGREES ? 1 : 0;
        }
        return rods < KARYOGRAM_MIN_RODS ? 0 : upright / (double) rods;
    }
}
