package org.karyoloop.synth;

/**
 * Global statistics of an image that ignore where things are: mean, standard deviation,
 * percentiles, dark-pixel shares, and a 32-bin intensity histogram. A model that only sees these
 * must not be able to grade a spread.
 */
final class GlobalFeatures {

    static final int HISTOGRAM_BINS = 32;
    static final String[] NAMES = names();

    private GlobalFeatures() {
    }

    static double[] of(SyntheticImage image) {
        int[] histogram = new int[256];
        double sum = 0;
        double squares = 0;
        for (byte b : image.pixels()) {
            int v = b & 0xFF;
            histogram[v]++;
            sum += v;
            squares += (double) v * v;
        }
        int n = image.pixels().length;
        double mean = sum / n;
        double median = percentile(histogram, n, 0.5);
        double[] f = new double[NAMES.length];
        f[0] = mean;
        f[1] = Math.sqrt(Math.max(0, squares / n - mean * mean));
        f[2] = median;
        f[3] = percentile(histogram, n, 0.01);
        f[4] = percentile(histogram, n, 0.05);
        f[5] = percentile(histogram, n, 0.95);
        f[6] = share(histogram, n, 0.6 * median);
        f[7] = share(histogram, n, 0.8 * median);
        for (int v = 0; v < 256; v++) {
            f[8 + v * HISTOGRAM_BINS / 256] += histogram[v] / (double) n;
        }
        return f;
    }

    /** The background level: the median gray level (chromosomes, cells and debris cover far less than half the field). */
    static double backgroundLevel(SyntheticImage image) {
        int[] histogram = new int[256];
        for (byte b : image.pixels()) {
            histogram[b & 0xFF]++;
        }
        return percentile(histogram, image.pixels().length, 0.5);
    }

    private static double percentile(int[] histogram, int n, double q) {
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen >= q * n) {
                return v;
            }
        }
        return 255;
    }

    private static double share(int[] histogram, int n, double below) {
        long count = 0;
        for (int v = 0; v < 256 && v < below; v++) {
            count += histogram[v];
        }
        return count / (double) n;
    }

    private static String[] names() {
        String[] names = new String[8 + HISTOGRAM_BINS];
        String[] first = {"mean", "std", "median", "p1", "p5", "p95", "dark<0.6median", "dark<0.8median"};
        System.arraycopy(first, 0, names, 0, first.length);
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            names[8 + b] = "hist[" + b * 8 + ".." + (b * 8 + 7) + "]";
        }
        return names;
    }
}
