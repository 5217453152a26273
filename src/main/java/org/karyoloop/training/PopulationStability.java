package org.karyoloop.training;

/**
 * The population stability index of two samples of a 0..255 intensity statistic over fixed bins:
 * sum over bins of (recent - reference) * ln(recent / reference), with shares floored so an empty bin
 * does not make it infinite. Below 0.1 is usually read as stable, above 0.25 as a real shift.
 * Stateless; thread-safe.
 */
public final class PopulationStability {

    /** Bins over 0..255: 16 levels each, fine enough for a background shift of one gray level class. */
    public static final int BINS = 16;

    private static final double FLOOR = 1e-4;

    private PopulationStability() {
    }

    /** The bin of a 0..255 value. */
    public static int bin(double value) {
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor(value / (256.0 / BINS))));
    }

    /** PSI of two histograms with the same bins; 0 when either is empty (nothing to compare). */
    public static double index(long[] reference, long[] recent) {
        if (reference.length != recent.length) {
            throw new IllegalArgumentException("histograms differ in bins");
        }
        long refTotal = sum(reference);
        long recentTotal = sum(recent);
        if (refTotal == 0 || recentTotal == 0) {
            return 0;
        }
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double a = Math.max(FLOOR, (double) reference[i] / refTotal);
            double b = Math.max(FLOOR, (double) recent[i] / recentTotal);
            psi += (b - a) * Math.log(b / a);
        }
        return psi;
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }
}
