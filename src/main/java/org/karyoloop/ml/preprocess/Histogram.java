package org.karyoloop.ml.preprocess;

/** A 256-bin histogram of values in 0..1, for percentiles. Not thread-safe (a local helper). */
final class Histogram {

    private final int[] bins = new int[256];
    private final int total;

    private Histogram(float[] values) {
        for (float v : values) {
            bins[Math.min(255, Math.max(0, Math.round(v * 255f)))]++;
        }
        total = values.length;
    }

    static Histogram of(float[] values) {
        return new Histogram(values);
    }

    /** The smallest bin value (0..1) at or below which {@code percent} of the values lie. */
    float percentile(double percent) {
        long target = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int b = 0; b < bins.length; b++) {
            seen += bins[b];
            if (seen >= Math.max(1, target)) {
                return b / 255f;
            }
        }
        return 1f;
    }
}
