package org.karyoloop.ml.spread;

import java.util.Arrays;
import java.util.List;

/**
 * The measurements vector the grading model reads: what a cytogeneticist checks on a spread, the same in both
 * modalities because it is computed on the stain field and the counted objects. The chromosome count against 46
 * (touching chromosomes split), the separated objects (touching chromosomes merged: 46 only when every chromosome
 * is present and none touches another; under fluorescence, parted where only the halo joins them) and their distance
 * from 46 below and above, the largest objects' shares of the stained area (clusters are large), clusters,
 * overlaps (stain adds up where chromosomes lie on each other, in emission as in absorbance), focus (edge
 * gradients before and after a further blur), condensation (length to width of single chromosomes), nuclei and
 * contrast. Scale-free where it can be: areas are shares or relative to a single chromosome, lengths relative to
 * widths, stain relative to the image's chromosome signal. Thread-safe (stateless).
 */
public final class Measurements {

    /** Measurement names, in the order of the vector. */
    public static final List<String> NAMES = List.of(
            "objects", "objects_minus_46_abs", "objects_below_46", "objects_above_46",
            "area_1", "area_2", "area_3", "area_4", "area_1_over_5", "area_1_over_ref",
            "big_objects", "crossing_objects", "crossing_pixel_share", "densest_over_band",
            "sharpness", "sharpness_p50", "aspect_median", "aspect_top", "width_over_ref",
            "nuclei", "elongated_objects", "contrast", "separated_objects",
            "separated_minus_46_abs", "separated_below_46", "separated_above_46");
    /** Number of measurements. */
    public static final int COUNT = NAMES.size();
    /** Stain above this many times the chromosomes' 90th percentile marks chromosomes lying on each other. */
    static final double OVERLAP = 1.45;
    /**
     * Under fluorescence, the separated objects are the counted objects' pieces above this stain (in units of the
     * chromosome signal): the out-of-focus halo joins chromosomes that do not touch at the noise cut, and their
     * pieces part above it. Chosen on the tuning slides of the shared ADIR cells against the separated objects of
     * their label images (bench/README.md, "Real images"). Under bright-field the objects themselves are separated.
     */
    static final double FLUORESCENCE_SEPARATION = 0.35;
    /** A piece above the separation level counts when it holds at least this share of a single chromosome's area. */
    static final double SEPARATED_PIECE = 0.25;

    private Measurements() {
    }

    /** The measurements of a spread's objects and count. */
    static float[] of(SpreadObjects objects, Census census) {
        float[] f = new float[COUNT];
        StainField field = objects.field();
        int count = census.chromosomes();
        f[0] = count / 46f;
        distanceFrom46(f, 1, count);
        f[19] = objects.nuclei();
        int n = objects.count();
        int[] per = census.perObject();
        double[] areas = new double[n];
        int kept = 0;
        double total = 0;
        for (int o = 0; o < n; o++) {
            if (per[o] >= 1) {
                areas[kept++] = objects.area(o);
                total += objects.area(o);
            }
        }
        int separated = kept == 0 || field.modality() == Modality.BRIGHTFIELD ? kept
                : separatedPieces(objects, per, census);
        f[22] = separated / 46f;
        distanceFrom46(f, 23, separated);
        if (kept == 0) {
            return f;
        }
        double[] sorted = Arrays.copyOf(areas, kept);
        Arrays.sort(sorted);
        double ref = census.singleArea();
        for (int j = 0; j < 4; j++) {
            f[4 + j] = (float) (j < kept ? 10 * sorted[kept - 1 - j] / total : 0);
        }
        f[8] = (float) (kept >= 5 ? sorted[kept - 1] / sorted[kept - 5] : 1);
        f[9] = (float) (sorted[kept - 1] / ref);
        f[10] = census.clusters();
        overlaps(f, objects, per);
        double[] sharp = sharpness(field, objects.label(), per);
        f[14] = (float) sharp[0];
        f[15] = (float) sharp[1];
        shapes(f, objects, per, ref);
        double bg = 0;
        for (float b : field.background()) {
            bg += b;
        }
        bg /= field.background().length;
        f[21] = (float) (field.signal() / Math.max(1e-3, bg));
        return f;
    }

    /** {@code n}'s distance from 46 in fours, absolute, below and above, at {@code at} and the two after it. */
    private static void distanceFrom46(float[] f, int at, int n) {
        f[at] = Math.abs(n - 46) / 4f;
        f[at + 1] = Math.max(0, 46 - n) / 4f;
        f[at + 2] = Math.max(0, n - 46) / 4f;
    }

    /** The counted objects' pieces above {@link #FLUORESCENCE_SEPARATION}, each at least a quarter of a single. */
    private static int separatedPieces(SpreadObjects objects, int[] per, Census census) {
        StainField field = objects.field();
        float[] st = field.stain();
        int[] label = objects.label();
        boolean[] above = new boolean[st.length];
        for (int i = 0; i < st.length; i++) {
            above[i] = label[i] >= 0 && per[label[i]] >= 1 && st[i] > FLUORESCENCE_SEPARATION;
        }
        Labels.Components parted = Labels.components(above, field.width(), field.height());
        int[] pieces = parted.label();
        int[] area = new int[parted.count()];
        for (int piece : pieces) {
            if (piece >= 0) {
                area[piece]++;
            }
        }
        double least = SEPARATED_PIECE * census.singleArea();
        int n = 0;
        for (int a : area) {
            n += a >= least ? 1 : 0;
        }
        return n;
    }

    /** Overlaps: objects and pixels whose stain is well above that of single chromosomes. Features 11–13. */
    private static void overlaps(float[] f, SpreadObjects objects, int[] per) {
        float[] st = objects.field().stain();
        int[] label = objects.label();
        int pixels = 0;
        int[] keys = new int[st.length];
        for (int i = 0; i < st.length; i++) {
            if (label[i] >= 0 && per[label[i]] >= 1) {
                keys[pixels++] = OrderStatistics.key(st[i]);
            }
        }
        if (pixels == 0) {
            return;
        }
        // the percentiles a sort would give, by selection: densest's rank is the higher, so select it first and
        // band within what lies before it
        int bandRank = (int) (0.9 * (pixels - 1));
        int densestRank = (int) (0.999 * (pixels - 1));
        double densest = OrderStatistics.value(OrderStatistics.select(keys, 0, pixels, densestRank));
        double band = bandRank == densestRank ? densest
                : OrderStatistics.value(OrderStatistics.select(keys, 0, densestRank, bandRank));
        double cut = OVERLAP * band;
        float cutValue = (float) cut;
        int dark = 0;
        for (int i = 0; i < pixels; i++) {
            dark += OrderStatistics.value(keys[i]) >= cutValue ? 1 : 0;
        }
        double[][] stats = objects.stats();
        int cores = 0;
        for (int o = 0; o < objects.count(); o++) {
            cores += per[o] >= 1 && stats[o][SpreadObjects.PEAK] > cut ? 1 : 0;
        }
        f[11] = cores;
        f[12] = 100f * dark / pixels;
        f[13] = (float) (band > 0 ? densest / band : 0);
    }

    /** Condensation and width, on the objects that hold one chromosome. Features 16–18 and 20. */
    private static void shapes(float[] f, SpreadObjects objects, int[] per, double ref) {
        double[][] stats = objects.stats();
        double[] aspects = new double[objects.count()];
        double[] widths = new double[objects.count()];
        int k = 0;
        int elongated = 0;
        for (int o = 0; o < objects.count(); o++) {
            if (per[o] != 1) {
                continue;
            }
            double[] lw = Shape.lengthWidth(stats[o]);
            aspects[k] = lw[0] / lw[1];
            widths[k++] = lw[1];
            elongated += lw[0] / lw[1] > 3 ? 1 : 0;
        }
        if (k == 0) {
            return;
        }
        double[] a = Arrays.copyOf(aspects, k);
        Arrays.sort(a);
        f[16] = (float) a[(k - 1) / 2];
        f[17] = (float) a[Math.max(0, k - 1 - k / 10)];
        double[] w = Arrays.copyOf(widths, k);
        Arrays.sort(w);
        f[18] = (float) (w[(k - 1) / 2] / Math.sqrt(ref));
        f[20] = elongated / 46f;
    }

    /**
     * Focus: at the edges of counted objects, the strongest gradients after a further Gaussian blur of sigma 1
     * relative to those before it. Sharp edges lose much of their gradient to the extra blur, blurred ones little,
     * and stain strength cancels. The ratio at the 90th and the 50th percentile of edge gradients.
     */
    private static double[] sharpness(StainField field, int[] label, int[] per) {
        int w = field.width();
        int h = field.height();
        float[] v = field.gray();
        float[] blurred = Labels.gauss(v, w, h, 1);
        int cap = 200_000;
        int[] g0 = new int[cap];
        int[] g1 = new int[cap];
        int k = 0;
        for (int y = 1; y < h - 1 && k < cap; y++) {
            for (int x = 1; x < w - 1 && k < cap; x++) {
                int p = y * w + x;
                int o = label[p];
                if (o < 0 || per[o] < 1) {
                    continue;
                }
                if (label[p - 1] >= 0 && label[p + 1] >= 0 && label[p - w] >= 0 && label[p + w] >= 0) {
                    continue; // interior
                }
                g0[k] = OrderStatistics.key(grad(v, w, p));
                g1[k] = OrderStatistics.key(grad(blurred, w, p));
                k++;
            }
        }
        if (k == 0) {
            return new double[] {0, 0};
        }
        int high = (int) (0.9 * (k - 1));
        int middle = (k - 1) / 2;
        return new double[] {percentile(g1, k, high) / Math.max(1e-6, percentile(g0, k, high)),
            percentile(g1, k, middle) / Math.max(1e-6, percentile(g0, k, middle))};
    }

    /** The value a sort of the first {@code n} keys would put at {@code rank} (rearranges them). */
    private static float percentile(int[] keys, int n, int rank) {
        return OrderStatistics.value(OrderStatistics.select(keys, 0, n, rank));
    }

    private static float grad(float[] v, int w, int p) {
        float gx = v[p + 1] - v[p - 1];
        float gy = v[p + w] - v[p - w];
        return (float) Math.sqrt(gx * gx + gy * gy);
    }
}
