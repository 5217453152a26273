package org.karyoloop.imaging;

/**
 * Intensity summary of a bright-field image (bright background, dark chromosomes) that drift detection compares
 * across images: the lab's legacy images had white (~240+) backgrounds where new microscopes give gray (~170-200).
 *
 * <p>All four numbers describe the image's {@link GrayHistogram} (large images are sampled on a regular grid to about
 * a million pixels).
 *
 * @param mean               mean gray value, 0..255
 * @param std                population standard deviation of the gray values
 * @param backgroundLevel    the bright-field background: the mode of the histogram (smoothed over +-4 levels so
 *                           combs from contrast stretching or JPEG do not matter) among levels at or above the median,
 *                           refined to the mean of the raw histogram within +-4 levels of that mode
 * @param foregroundFraction share of pixels darker than {@code backgroundLevel - margin}, where margin is the larger
 *                           of 10% of the background level and three times the background noise (estimated from the
 *                           half width at half maximum of the background peak), and at least 2 levels
 */
public record IntensityStats(double mean, double std, int backgroundLevel, double foregroundFraction) {

    private static final int SMOOTH_RADIUS = 4;
    private static final double MARGIN_FRACTION = 0.10;
    private static final double MARGIN_SIGMAS = 3.0;
    private static final int MIN_MARGIN = 2;
    /** Half width at half maximum of a normal distribution, in standard deviations: sqrt(2 ln 2). */
    private static final double HWHM_PER_SIGMA = 1.1774;

    /** Computes the statistics of an image's gray plane. */
    public static IntensityStats of(DecodedImage image) {
        return of(GrayHistogram.of(image));
    }

    /** Computes the statistics from an image's histogram, counted once for every summary of it. */
    public static IntensityStats of(GrayHistogram gray) {
        long[] histogram = gray.counts();
        long n = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int v = 0; v < 256; v++) {
            n += histogram[v];
            sum += (double) v * histogram[v];
            sumSquares += (double) v * v * histogram[v];
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        int background = background(histogram, n);
        int margin = margin(histogram, background);
        long darker = 0;
        for (int v = 0; v < background - margin; v++) {
            darker += histogram[v];
        }
        return new IntensityStats(mean, std, background, (double) darker / n);
    }

    /** The margin below the background level that a pixel must clear to count as foreground. */
    static int margin(long[] histogram, int background) {
        double sigma = backgroundSigma(smooth(histogram, 1), background);
        return Math.max(MIN_MARGIN, (int) Math.ceil(Math.max(MARGIN_FRACTION * background, MARGIN_SIGMAS * sigma)));
    }

    private static int background(long[] histogram, long n) {
        int median = 0;
        for (long seen = histogram[0]; seen * 2 < n; seen += histogram[++median]) {
            // first level with at least half of the pixels at or below it
        }
        double[] smoothed = smooth(histogram, SMOOTH_RADIUS);
        int mode = median;
        for (int v = median; v < 256; v++) {
            if (smoothed[v] > smoothed[mode]) {
                mode = v;
            }
        }
        double weight = 0;
        double moment = 0;
        for (int v = Math.max(0, mode - SMOOTH_RADIUS); v <= Math.min(255, mode + SMOOTH_RADIUS); v++) {
            weight += histogram[v];
            moment += (double) v * histogram[v];
        }
        return weight == 0 ? mode : (int) Math.round(moment / weight);
    }

    /** Triangular smoothing; levels outside 0..255 count as empty. */
    private static double[] smooth(long[] histogram, int radius) {
        double[] out = new double[256];
        for (int v = 0; v < 256; v++) {
            double acc = 0;
            double weights = 0;
            for (int d = -radius; d <= radius; d++) {
                double wgt = radius + 1 - Math.abs(d);
                weights += wgt;
                if (v + d >= 0 && v + d < 256) {
                    acc += wgt * histogram[v + d];
                }
            }
            out[v] = acc / weights;
        }
        return out;
    }

    /**
     * Background noise from the width of its peak: the narrower of the two half widths at half maximum that can be
     * measured (a side that reaches 0 or 255 first, as a white background clipped at 255 does, cannot be), because
     * the dark side is widened by foreground edges and the bright side by glare. 0 when neither side can be measured.
     */
    private static double backgroundSigma(double[] smoothed, int background) {
        double half = smoothed[background] / 2;
        double best = Double.POSITIVE_INFINITY;
        for (int direction : new int[] {-1, 1}) {
            for (int v = background + direction; v >= 0 && v < 256; v += direction) {
                if (smoothed[v] <= half) {
                    best = Math.min(best, Math.abs(v - background));
                    break;
                }
            }
        }
        return best == Double.POSITIVE_INFINITY ? 0 : best / HWHM_PER_SIGMA;
    }
}
