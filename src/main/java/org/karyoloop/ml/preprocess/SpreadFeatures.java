package org.karyoloop.ml.preprocess;

import java.util.Arrays;
import org.karyoloop.imaging.DecodedImage;

/**
 * What a cytogeneticist checks on a spread, measured at full resolution: how many chromosome-sized objects
 * there are (46 when every chromosome is present and none touches another), whether the largest objects are
 * larger than single chromosomes can be (touching or crossing chromosomes merge into one object), how much
 * stain the densest parts hold (absorbance adds up where chromosomes cross), how sharp the edges are (focus),
 * and how long and thin the chromosomes are (condensation). Scale-free where it can be: areas are shares of the
 * spread's total, lengths are relative to widths, sharpness is a ratio of two blurs, absorbance is relative to
 * the background, so magnification, illumination and stain strength barely move the measurements. The values
 * have different scales; the network that grades them normalises its inputs. This is the background
 * normalisation of a measuring model: neither the background tone nor nuclei and blood cells outside the
 * spread reach the measurements. Pure Java and deterministic; thread-safe (stateless).
 *
 * <p>Objects: pixels that pass less than {@code 1 - }{@value #STAIN} of the background's light (the background
 * is the median gray level), 8-connected. Objects over {@value #LARGE_SHARE} of the field are nuclei (counted,
 * not measured); objects under {@value #SMALL_SHARE} of the reference area (the 12th largest other object) are
 * dust; round objects much darker than chromosomes are stain clumps, much paler ones cell rims; objects far
 * outside the spread are debris.
 * What is left are the chromosomes, as the eye separates them.
 */
public final class SpreadFeatures {

    /** Number of features, in the order of {@link #NAMES}. */
    public static final int COUNT = 22;

    /** Feature names, for plots, logs and tests. */
    public static final String[] NAMES = {
        "objects", "objects_minus_46_abs", "objects_below_46", "objects_above_46",
        "area_1", "area_2", "area_3", "area_4", "area_1_over_5", "area_1_over_ref",
        "big_objects", "crossing_objects", "crossing_pixel_share", "densest_over_band",
        "sharpness", "sharpness_p50", "aspect_median", "aspect_top", "width_over_ref",
        "nuclei", "elongated_objects", "contrast"};

    static final double LARGE_SHARE = 0.006;
    static final double SMALL_SHARE = 0.22;
    private static final int MAX_SIDE = 1400;
    /**
     * Share of the background's light a pixel must lose to count as stained: relative to the background, so
     * illumination cancels, and not to the darkest stain, which a dark nucleus would set so deep that pale
     * chromosome bands fall out and chromosomes break into pieces.
     */
    static final float STAIN = 0.12f;
    /** Objects darker on average than this many times the median chromosome object, and round, are stain clumps. */
    static final double CLUMP_DARK = 1.35;
    /** Objects paler on average than this share of the median chromosome object are cell rims, not chromosomes. */
    static final double PALE = 0.55;
    /** Objects with a length-to-width ratio below this can be clumps (chromosomes are rods). */
    static final double CLUMP_ASPECT = 2.2;
    /** Absorbance, relative to the darkest tenth of chromosome pixels, above which chromosomes lie on each other. */
    static final double OVERLAP_ABSORBANCE = 1.45;
    /** Objects further from the spread's centre than this many times nine in ten chromosomes' distance are dust. */
    static final double SPREAD_REACH = 1.25;

    private SpreadFeatures() {
    }

    /** The measurements of {@code image}: {@link #COUNT} values in the order of {@link #NAMES}. */
    public static float[] of(DecodedImage image) {
        int factor = Math.max(1, (Math.max(image.width(), image.height()) + MAX_SIDE - 1) / MAX_SIDE);
        int w = (image.width() + factor - 1) / factor;
        int h = (image.height() + factor - 1) / factor;
        float[] v = Preprocessor.boxAverage(image, factor, w, h);
        return measure(v, w, h);
    }

    static float[] measure(float[] v, int w, int h) {
        float background = Histogram.of(v).percentile(50);
        Blobs blobs = Blobs.label(v, w, h, background, background * (1 - STAIN));
        float[] f = new float[COUNT];
        double large = LARGE_SHARE * v.length;
        f[19] = blobs.countOver(large);
        double ref = blobs.referenceArea(large);
        if (Double.isNaN(ref)) {
            return f; // nothing but nuclei, or nothing at all
        }
        Chromosomes c = Chromosomes.select(blobs, large, ref);
        c.countAndSizes(f);
        crossings(f, v, background, blobs, c.chromosome);
        double[] sharp = sharpness(v, w, h, blobs.label, c.chromosome, blobs.stats);
        f[14] = (float) sharp[0];
        f[15] = (float) sharp[1];
        c.shapes(f);
        f[21] = (float) (c.medianDark / Math.max(1e-3, background));
        return f;
    }

    /**
     * Crossings: absorbance adds up where one chromosome lies on another (Beer-Lambert), so overlaps stand out
     * above the darkest bands of single chromosomes whatever the illumination. Fills features 11–13.
     */
    private static void crossings(float[] f, float[] v, float background, Blobs blobs, boolean[] chromosome) {
        int bins = 500;
        int[] absorbance = new int[bins];
        double[] objectMax = new double[blobs.count];
        int stainPixels = 0;
        for (int p = 0; p < v.length; p++) {
            int l = blobs.label[p];
            if (l < 0 || !chromosome[l]) {
                continue;
            }
            double a = Math.log(background / Math.max(v[p], 0.5f / 255f));
            absorbance[Math.min(bins - 1, Math.max(0, (int) (a * 100)))]++;
            objectMax[l] = Math.max(objectMax[l], a);
            stainPixels++;
        }
        double band = binPercentile(absorbance, stainPixels, 0.90) / 100.0;
        double densest = binPercentile(absorbance, stainPixels, 0.999) / 100.0;
        int darkPixels = 0;
        for (int b = (int) Math.ceil(OVERLAP_ABSORBANCE * band * 100); b < bins; b++) {
            darkPixels += absorbance[b];
        }
        int darkCores = 0;
        for (int i = 0; i < blobs.count; i++) {
            darkCores += chromosome[i] && objectMax[i] > OVERLAP_ABSORBANCE * band ? 1 : 0;
        }
        f[11] = darkCores;
        f[12] = stainPixels == 0 ? 0 : 100f * darkPixels / stainPixels;
        f[13] = (float) (band > 0 ? densest / band : 0);
    }

    /** The 8-connected stained objects of a field: a label per pixel (-1 for none) and sums per object. */
    private static final class Blobs {

        /** Per object: area, sums of x, y, xx, yy, xy, darkness sum, darkest, min x, max x, min y, max y. */
        final double[][] stats;
        final int[] label;
        final int count;

        private Blobs(double[][] stats, int[] label, int count) {
            this.stats = stats;
            this.label = label;
            this.count = count;
        }

        static Blobs label(float[] v, int w, int h, float background, float cut) {
            int n = v.length;
            int[] label = new int[n];
            Arrays.fill(label, -1);
            int[] stack = new int[n];
            double[][] obj = new double[64][];
            int objects = 0;
            for (int start = 0; start < n; start++) {
                if (v[start] >= cut || label[start] >= 0) {
                    continue;
                }
                double area = 0;
                double sx = 0;
                double sy = 0;
                double sxx = 0;
                double syy = 0;
                double sxy = 0;
                double dark = 0;
                double maxDark = 0;
                int minX = Integer.MAX_VALUE;
                int maxX = -1;
                int minY = Integer.MAX_VALUE;
                int maxY = -1;
                int top = 0;
                stack[top++] = start;
                label[start] = objects;
                while (top > 0) {
                    int p = stack[--top];
                    int x = p % w;
                    int y = p / w;
                    double d = background - v[p];
                    area++;
                    sx += x;
                    sy += y;
                    sxx += (double) x * x;
                    syy += (double) y * y;
                    sxy += (double) x * y;
                    dark += d;
                    maxDark = Math.max(maxDark, d);
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                    for (int dy = -1; dy <= 1; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= h) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            if (xx < 0 || xx >= w) {
                                continue;
                            }
                            int q = yy * w + xx;
                            if (label[q] < 0 && v[q] < cut) {
                                label[q] = objects;
                                stack[top++] = q;
                            }
                        }
                    }
                }
                if (objects == obj.length) {
                    obj = Arrays.copyOf(obj, objects * 2);
                }
                obj[objects++] = new double[] {area, sx, sy, sxx, syy, sxy, dark, maxDark, minX, maxX, minY, maxY};
            }
            return new Blobs(obj, label, objects);
        }

        double area(int i) {
            return stats[i][0];
        }

        /** Objects larger than {@code large} pixels (nuclei). */
        int countOver(double large) {
            int nuclei = 0;
            for (int i = 0; i < count; i++) {
                nuclei += area(i) > large ? 1 : 0;
            }
            return nuclei;
        }

        /** The 12th largest area of the objects up to {@code large} (the largest there is if fewer), or NaN. */
        double referenceArea(double large) {
            double[] areas = new double[count];
            int m = 0;
            for (int i = 0; i < count; i++) {
                if (area(i) <= large) {
                    areas[m++] = area(i);
                }
            }
            if (m == 0) {
                return Double.NaN;
            }
            double[] sorted = Arrays.copyOf(areas, m);
            Arrays.sort(sorted);
            reverse(sorted);
            return sorted[Math.min(m - 1, 11)];
        }
    }

    /** Which objects are chromosomes, and their shapes. */
    private static final class Chromosomes {

        final boolean[] chromosome;
        final double medianDark;
        private final double ref;
        private final double[] areas;
        private final double[] aspects;
        private final double[] widths;
        private final int count;
        private final double total;
        private final int big;
        private final int elongated;

        private Chromosomes(boolean[] chromosome, double medianDark, double ref, double[] areas, double[] aspects,
                double[] widths, int count, double total, int big, int elongated) {
            this.chromosome = chromosome;
            this.medianDark = medianDark;
            this.ref = ref;
            this.areas = areas;
            this.aspects = aspects;
            this.widths = widths;
            this.count = count;
            this.total = total;
            this.big = big;
            this.elongated = elongated;
        }

        /** Sets aside nuclei, dust, stain clumps, pale rims and objects far outside the spread. */
        static Chromosomes select(Blobs blobs, double large, double ref) {
            int objects = blobs.count;
            double small = SMALL_SHARE * ref;
            double[] meanDark = new double[objects];
            double[] aspect = new double[objects];
            double[] width = new double[objects];
            double[] cx = new double[objects];
            double[] cy = new double[objects];
            boolean[] sized = new boolean[objects];
            int c = 0;
            double[] darkOfSized = new double[objects];
            for (int i = 0; i < objects; i++) {
                double[] o = blobs.stats[i];
                double a = o[0];
                sized[i] = a <= large && a >= small;
                meanDark[i] = o[6] / a;
                double mx = o[1] / a;
                double my = o[2] / a;
                cx[i] = mx;
                cy[i] = my;
                double vxx = o[3] / a - mx * mx + 1 / 12.0;
                double vyy = o[4] / a - my * my + 1 / 12.0;
                double vxy = o[5] / a - mx * my;
                double tr = vxx + vyy;
                double det = vxx * vyy - vxy * vxy;
                double l1 = tr / 2 + Math.sqrt(Math.max(0, tr * tr / 4 - det));
                double length = Math.sqrt(12 * l1);
                width[i] = a / length;
                aspect[i] = length / width[i];
                if (sized[i]) {
                    darkOfSized[c++] = meanDark[i];
                }
            }
            double medianDark = median(Arrays.copyOf(darkOfSized, c));
            boolean[] chromosome = new boolean[objects];
            double[] xs = new double[objects];
            double[] ys = new double[objects];
            int k = 0;
            for (int i = 0; i < objects; i++) {
                chromosome[i] = sized[i] && !(meanDark[i] > CLUMP_DARK * medianDark && aspect[i] < CLUMP_ASPECT)
                        && meanDark[i] >= PALE * medianDark;
                if (chromosome[i] && blobs.area(i) >= 0.5 * ref) {
                    xs[k] = cx[i];
                    ys[k++] = cy[i];
                }
            }
            // dust far from the spread
            double sx = median(Arrays.copyOf(xs, k));
            double sy = median(Arrays.copyOf(ys, k));
            double[] dist = new double[k];
            for (int i = 0; i < k; i++) {
                dist[i] = Math.hypot(xs[i] - sx, ys[i] - sy);
            }
            Arrays.sort(dist);
            double reach = k == 0 ? Double.MAX_VALUE : SPREAD_REACH * dist[(int) (0.9 * (k - 1))] + Math.sqrt(ref);
            int count = 0;
            double total = 0;
            double[] areas = new double[objects];
            double[] aspects = new double[objects];
            double[] widths = new double[objects];
            int big = 0;
            int elongated = 0;
            for (int i = 0; i < objects; i++) {
                if (chromosome[i] && Math.hypot(cx[i] - sx, cy[i] - sy) > reach) {
                    chromosome[i] = false;
                }
                if (!chromosome[i]) {
                    continue;
                }
                areas[count] = blobs.area(i);
                aspects[count] = aspect[i];
                widths[count] = width[i];
                count++;
                total += blobs.area(i);
                big += blobs.area(i) > 2.2 * ref ? 1 : 0;
                elongated += aspect[i] > 3 ? 1 : 0;
            }
            return new Chromosomes(chromosome, medianDark, ref, areas, aspects, widths, count, total, big, elongated);
        }

        /** Features 0–10: the count against 46 and the largest objects' shares. */
        void countAndSizes(float[] f) {
            double[] kept = Arrays.copyOf(areas, count);
            Arrays.sort(kept);
            reverse(kept);
            f[0] = count / 46f;
            f[1] = Math.abs(count - 46) / 4f;
            f[2] = Math.max(0, 46 - count) / 4f;
            f[3] = Math.max(0, count - 46) / 4f;
            for (int j = 0; j < 4; j++) {
                f[4 + j] = (float) (j < count ? 10 * kept[j] / total : 0);
            }
            f[8] = (float) (count >= 5 ? kept[0] / kept[4] : 1);
            f[9] = (float) (count > 0 ? kept[0] / ref : 0);
            f[10] = big;
        }

        /** Features 16–18 and 20: length to width (condensation), width against the reference, rods. */
        void shapes(float[] f) {
            double[] a = Arrays.copyOf(aspects, count);
            f[16] = (float) median(a);
            Arrays.sort(a);
            f[17] = (float) (count == 0 ? 0 : a[Math.max(0, count - 1 - count / 10)]);
            f[18] = (float) (median(Arrays.copyOf(widths, count)) / Math.sqrt(ref));
            f[20] = elongated / 46f;
        }
    }

    /**
     * Focus: at the edges of chromosome objects, the strongest gradients after a further Gaussian blur of sigma 1
     * relative to those before it. Sharp edges lose much of their gradient to the extra blur, blurred ones little,
     * and stain strength cancels. Returns the ratio at the 90th and the 50th percentile of edge gradients.
     */
    private static double[] sharpness(float[] v, int w, int h, int[] label, boolean[] chromosome, double[][] obj) {
        int cap = 200_000;
        float[] g0 = new float[cap];
        float[] g1 = new float[cap];
        int k = 0;
        for (int i = 0; i < chromosome.length && k < cap; i++) {
            if (!chromosome[i]) {
                continue;
            }
            // edge pixels of object i inside its box, one pixel in from the border of the field
            int x0 = Math.max(1, (int) obj[i][8]);
            int x1 = Math.min(w - 2, (int) obj[i][9]);
            int y0 = Math.max(1, (int) obj[i][10]);
            int y1 = Math.min(h - 2, (int) obj[i][11]);
            if (x0 > x1 || y0 > y1) {
                continue;
            }
            // the blur is needed one pixel around the box: computed there only, as the whole field would give it
            int bx0 = x0 - 1;
            int by0 = y0 - 1;
            int bw = x1 - x0 + 3;
            int bh = y1 - y0 + 3;
            float[] blurred = gauss(v, w, h, bx0, by0, bw, bh);
            for (int y = y0; y <= y1 && k < cap; y++) {
                for (int x = x0; x <= x1 && k < cap; x++) {
                    int p = y * w + x;
                    if (label[p] != i) {
                        continue;
                    }
                    if (label[p - 1] >= 0 && label[p + 1] >= 0 && label[p - w] >= 0 && label[p + w] >= 0) {
                        continue; // interior
                    }
                    g0[k] = grad(v, w, p);
                    g1[k] = grad(blurred, bw, (y - by0) * bw + x - bx0);
                    k++;
                }
            }
        }
        if (k == 0) {
            return new double[] {0, 0};
        }
        float[] a = Arrays.copyOf(g0, k);
        float[] b = Arrays.copyOf(g1, k);
        Arrays.sort(a);
        Arrays.sort(b);
        return new double[] {b[(int) (0.9 * (k - 1))] / Math.max(1e-6, a[(int) (0.9 * (k - 1))]),
            b[(k - 1) / 2] / Math.max(1e-6, a[(k - 1) / 2])};
    }

    private static float grad(float[] v, int w, int p) {
        float gx = v[p + 1] - v[p - 1];
        float gy = v[p + w] - v[p - w];
        return (float) Math.sqrt(gx * gx + gy * gy);
    }

    private static final float[] KERNEL = gaussianKernel();

    private static float[] gaussianKernel() {
        float[] kernel = new float[7];
        float sum = 0;
        for (int i = -3; i <= 3; i++) {
            kernel[i + 3] = (float) Math.exp(-i * i / 2.0);
            sum += kernel[i + 3];
        }
        for (int i = 0; i < 7; i++) {
            kernel[i] /= sum;
        }
        return kernel;
    }

    /**
     * The Gaussian blur (sigma 1, radius 3, separable, edges of the field clamped) of {@code v} over the
     * {@code bw x bh} window at ({@code bx0}, {@code by0}), exactly as blurring the whole field would give it there.
     */
    private static float[] gauss(float[] v, int w, int h, int bx0, int by0, int bw, int bh) {
        float[] tmp = new float[(bh + 6) * bw];
        for (int r = 0; r < bh + 6; r++) {
            int row = Math.min(h - 1, Math.max(0, by0 - 3 + r)) * w;
            for (int c = 0; c < bw; c++) {
                int x = bx0 + c;
                float acc = 0;
                for (int i = -3; i <= 3; i++) {
                    acc += KERNEL[i + 3] * v[row + Math.min(w - 1, Math.max(0, x + i))];
                }
                tmp[r * bw + c] = acc;
            }
        }
        float[] out = new float[bh * bw];
        for (int r = 0; r < bh; r++) {
            for (int c = 0; c < bw; c++) {
                float acc = 0;
                for (int i = -3; i <= 3; i++) {
                    acc += KERNEL[i + 3] * tmp[(r + i + 3) * bw + c]; // tmp rows outside the field repeat its edge
                }
                out[r * bw + c] = acc;
            }
        }
        return out;
    }

    /** The bin at which the running count of {@code histogram} reaches {@code q} of {@code total}. */
    private static int binPercentile(int[] histogram, int total, double q) {
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= Math.max(1, target)) {
                return b;
            }
        }
        return histogram.length - 1;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        return s[(s.length - 1) / 2];
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
