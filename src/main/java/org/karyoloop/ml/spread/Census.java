package org.karyoloop.ml.spread;

import java.util.Arrays;

/**
 * The chromosomes of a spread, object by object. Each chromosome body gets its class probabilities
 * ({@link ObjectCounter}) and adds its expected chromosomes (so uncertain bodies add their expectation, not a coin
 * toss); an object (touching bodies) holds what its bodies hold, and is a cluster when its bodies most likely hold
 * two or more. Bodies far outside the spread (debris, cells at the frame's edge), and faint bodies (well below the
 * spread's chromosomes in stain) that are far larger than one (cytoplasm, out-of-focus cells) or far smaller (debris,
 * a nucleus's texture), and under bright-field small, round, dense stain clumps, hold none: sizes and stains are
 * against the spread's own single chromosomes. Thread-safe (immutable once built).
 *
 * @param perObject   chromosomes each object most likely holds (0 for debris)
 * @param expected    chromosomes each object holds in expectation (0 for debris); they add up to the count
 * @param chromosomes the spread's chromosome count
 * @param clusters    objects holding two or more chromosomes
 * @param singleArea  mean area of the bodies that hold one chromosome, in field pixels
 */
public record Census(int[] perObject, double[] expected, int chromosomes, int clusters, double singleArea) {

    /** The most chromosomes one body can hold (a whole metaphase in one clump). */
    static final int MOST = 46;
    /** Bodies further from the spread's centre than this many times nine in ten chromosomes' distance are debris. */
    static final double SPREAD_REACH = 1.5;
    /**
     * Bodies whose mean stain is below this share of a single chromosome's hold none when they are larger than two
     * singles (cytoplasm, out-of-focus cells) or smaller than {@link #SPECK_AREA} of one (debris, a nucleus's texture).
     */
    static final double FAINT = 0.4;
    /** The largest faint speck, as a share of a single chromosome's area. */
    static final double SPECK_AREA = 0.25;
    /**
     * Under bright-field, bodies whose mean stain is above this many times a single chromosome's, round (elongation
     * under {@link #CLUMP_ELONGATION}) and no larger than a single, are stain clumps (Giemsa precipitate) and hold
     * none: a chromosome that small is a rod, and one that dense is chromosomes lying on each other, which are
     * larger. Not under fluorescence: on the shared DAPI cells the same rule set aside real small chromosomes
     * (tuning slides' count bias -0.31 to -1.40).
     */
    static final double DENSE = 1.35;
    /** The largest elongation (major over minor axis) of a stain clump. */
    static final double CLUMP_ELONGATION = 1.6;

    /** Counts the chromosomes of {@code objects} with {@code counter}. */
    public static Census of(SpreadObjects objects, ObjectCounter counter) {
        int n = objects.bodies();
        double[][] stats = objects.bodyStats();
        double[][] p = new double[n][];
        int[] best = new int[n];
        for (int o = 0; o < n; o++) {
            p[o] = counter.probabilities(objects.countingFeatures(o));
            int arg = 0;
            for (int k = 1; k < ObjectCounter.CLASSES; k++) {
                arg = p[o][k] > p[o][arg] ? k : arg;
            }
            best[o] = arg;
        }
        // the singles: their area, stain and where the spread lies
        double singleSum = 0;
        int singles = 0;
        double[] stain = new double[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int o = 0; o < n; o++) {
            if (best[o] == 1) {
                singleSum += stats[o][SpreadObjects.AREA];
                stain[singles] = stats[o][SpreadObjects.STAIN] / stats[o][SpreadObjects.AREA];
                xs[singles] = stats[o][SpreadObjects.SX] / stats[o][SpreadObjects.AREA];
                ys[singles] = stats[o][SpreadObjects.SY] / stats[o][SpreadObjects.AREA];
                singles++;
            }
        }
        double single = singles > 0 ? singleSum / singles : objects.medianArea();
        double singleStain = singles > 0 ? median(Arrays.copyOf(stain, singles)) : 0;
        double cx = median(Arrays.copyOf(xs, singles));
        double cy = median(Arrays.copyOf(ys, singles));
        double[] dist = new double[singles];
        for (int i = 0; i < singles; i++) {
            dist[i] = Math.hypot(xs[i] - cx, ys[i] - cy);
        }
        Arrays.sort(dist);
        double reach = singles < 5 ? Double.MAX_VALUE
                : SPREAD_REACH * dist[(int) (0.9 * (singles - 1))] + Math.sqrt(single);
        boolean brightfield = objects.field().modality() == Modality.BRIGHTFIELD;
        double total = 0;
        double[] expected = new double[objects.count()];
        int[] perObject = new int[objects.count()];
        for (int o = 0; o < n; o++) {
            double[] s = stats[o];
            double area = s[SpreadObjects.AREA];
            boolean far = Math.hypot(s[SpreadObjects.SX] / area - cx, s[SpreadObjects.SY] / area - cy) > reach;
            double mean = s[SpreadObjects.STAIN] / area;
            boolean faint = mean < FAINT * singleStain && (area > 2 * single || area < SPECK_AREA * single);
            boolean clump = brightfield && mean > DENSE * singleStain && area < single
                    && Shape.elongation(s) < CLUMP_ELONGATION;
            if (far || faint || clump) {
                continue;
            }
            double many = Math.min(MOST, Math.max(ObjectCounter.MANY, area / single));
            double e = 0;
            for (int k = 0; k < ObjectCounter.CLASSES; k++) {
                e += p[o][k] * (k == ObjectCounter.MANY ? many : k);
            }
            int object = objects.objectOf(o);
            expected[object] += e;
            total += e;
            perObject[object] += best[o] == ObjectCounter.MANY ? (int) Math.round(many) : best[o];
        }
        int clusters = 0;
        for (int c : perObject) {
            clusters += c >= 2 ? 1 : 0;
        }
        return new Census(perObject, expected, (int) Math.round(total), clusters, single);
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        Arrays.sort(v);
        return v[(v.length - 1) / 2];
    }
}
