package org.karyoloop.ml.spread;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The objects of a stain field, as a cytogeneticist would first see them: everything that stands out of the
 * background noise ({@value #NOISE_SIGMAS} standard deviations) is a candidate; large, round, filled candidates are
 * interphase nuclei (what survives an opening wider than a chromosome) and are set aside whole. The rest's
 * connected pieces (8-connected) are the objects: a single chromosome, or a cluster of touching or overlapping
 * ones. Inside them, a pixel belongs to a chromosome body where its stain is at least {@value #LOCAL_SHARE} of the
 * brightest stain within about one chromosome width. That local cut follows each chromosome's own brightness, so a
 * dim chromosome next to a bright one keeps its body and the dimmer seam between two touching chromosomes opens
 * into a gap: the bodies (8-connected) are what is counted ({@link ObjectCounter}), and an object holds what its
 * bodies hold. Pure Java; thread-safe (immutable once built). Building one may use an idle core for two of its
 * steps ({@link Beside}).
 */
public final class SpreadObjects {

    /** Candidates stand this many background standard deviations above the background. */
    static final double NOISE_SIGMAS = 8;
    /** The least candidate stain, in units of the chromosome signal, whatever the noise. */
    static final double MIN_STAIN = 0.05;
    /** A body pixel holds at least this share of the brightest stain within the local window. */
    static final double LOCAL_SHARE = 0.4;
    /** Sigma, in chromosome widths, of the smoothing the bright-field local cut reads (shorter bands do not part it). */
    static final double BAND_SMOOTHING = 0.3;
    /** Candidates larger than this many times the median candidate, round and filled, are nuclei. */
    static final double NUCLEUS_AREA = 8;
    /** Nuclei are what remains of the candidates after an opening of this many chromosome widths. */
    static final double NUCLEUS_OPENING = 0.75;
    /** Largest length-to-width ratio (of the inertia ellipse) of a nucleus. */
    static final double NUCLEUS_ELONGATION = 2;
    /** Largest length-to-width ratio of a nucleus that the frame cuts (the part inside can be a slice). */
    static final double EDGE_NUCLEUS_ELONGATION = 3;
    /** Least share of its inertia ellipse that a nucleus fills. */
    static final double NUCLEUS_FILL = 0.6;
    /**
     * A nucleus's faint rim, within this many chromosome widths of what survived the opening, belongs to the nucleus
     * (its texture would otherwise leave debris-sized bodies around it).
     */
    static final double NUCLEUS_RIM = 1;
    /** The rim is faint: below this stain (in units of the chromosome signal); a chromosome touching it stays. */
    static final double NUCLEUS_RIM_STAIN = 0.3;
    /** Least solidity (area over convex hull) of a nucleus inside the frame. */
    static final double NUCLEUS_SOLIDITY = 0.8;
    /** Fractions of an object's peak at which it is cut again to see whether it falls apart. */
    static final double[] SPLIT_LEVELS = {0.4, 0.55, 0.7};
    /** A part counts when a cut leaves it at least this share of the median object's area. */
    static final double SPLIT_PART = 0.15;

    private final StainField field;
    private final int[] bodyLabel;
    private final int bodies;
    private final int nuclei;
    private final int nucleusPixels;
    private final double medianArea;
    private final double[][] bodyStats;
    private final int[][] splits;
    private final double[] solidity;
    private final double[] widthDepth;
    private final double window;
    private final int[] label;
    private final int count;
    private final double[][] stats;
    private final int[] objectOf;

    private SpreadObjects(StainField field, int[] bodyLabel, int bodies, int nuclei, int nucleusPixels,
            double medianArea, double[][] bodyStats, int[][] splits, double[] solidity, double[] widthDepth,
            double window, int[] label, int count, double[][] stats, int[] objectOf) {
        this.field = field;
        this.bodyLabel = bodyLabel;
        this.bodies = bodies;
        this.nuclei = nuclei;
        this.nucleusPixels = nucleusPixels;
        this.medianArea = medianArea;
        this.bodyStats = bodyStats;
        this.splits = splits;
        this.solidity = solidity;
        this.widthDepth = widthDepth;
        this.window = window;
        this.label = label;
        this.count = count;
        this.stats = stats;
        this.objectOf = objectOf;
    }

    /** Area, sums of x, y, xx, yy, xy, stain sum, peak stain, min x, max x, min y, max y, depth (per body; 0 for objects). */
    static final int AREA = 0;
    static final int SX = 1;
    static final int SY = 2;
    static final int SXX = 3;
    static final int SYY = 4;
    static final int SXY = 5;
    static final int STAIN = 6;
    static final int PEAK = 7;
    static final int MIN_X = 8;
    static final int MAX_X = 9;
    static final int MIN_Y = 10;
    static final int MAX_Y = 11;
    static final int DEPTH = 12;

    /** The objects of {@code field}. */
    public static SpreadObjects of(StainField field) {
        int w = field.width();
        int h = field.height();
        float[] st = field.stain();
        int n = st.length;
        double lo = Math.max(NOISE_SIGMAS * field.noise(), MIN_STAIN);
        boolean[] candidate = new boolean[n];
        for (int i = 0; i < n; i++) {
            candidate[i] = st[i] > lo;
        }
        Labels.Components candidates = Labels.components(candidate, w, h);
        int[] cand = candidates.label();
        double[][] candStats = Labels.stats(candidates, w, st);
        double candMedian = medianArea(candStats, 15);
        // the local window: about one chromosome width, from the candidates' depth (distance to their edge)
        int[] depth0 = Labels.depth(candidate, w, h);
        double width = typicalWidth(cand, candStats, candMedian, depth0);
        int radius = (int) Math.max(2, Math.min(40, Math.round(width)));
        // nuclei: what survives an opening wider than a chromosome, large, round and filled
        int open = (int) Math.round(NUCLEUS_OPENING * width * Labels.DEPTH_UNIT);
        // under bright-field, pale G-bands must not cut a chromosome: the local cut reads a smoothed field there
        // (on the fluorescence cells the smoothing merged touching chromosomes: count within 2 fell from 0.55 to 0.19).
        // It needs only the width, so it is offered to another core while this one finds the nuclei.
        Beside<float[][]> localCut = Beside.start(() -> {
            float[] smooth = field.modality() == Modality.BRIGHTFIELD ? Labels.gauss(st, w, h, BAND_SMOOTHING * width)
                    : st;
            return new float[][] {smooth, Labels.maxFilter(smooth, w, h, radius)};
        });
        // the core, what lies deeper than the opening's radius, and the distance to it
        boolean[] outside = new boolean[n];
        for (int i = 0; i < n; i++) {
            outside[i] = depth0[i] <= open;
        }
        int[] toCore = Labels.depth(outside, w, h);
        boolean[] opened = new boolean[n];
        for (int i = 0; i < n; i++) {
            opened[i] = candidate[i] && toCore[i] <= open + Labels.DEPTH_UNIT;
        }
        Labels.fillHoles(opened, w, h);
        Labels.Components blobComponents = Labels.components(opened, w, h);
        int[] blob = blobComponents.label();
        int blobs = blobComponents.count();
        double[][] blobStats = Labels.stats(blobComponents, w, st);
        // a dense cluster of chromosomes can survive the opening too, but its outline stays ragged where a nucleus's is
        // convex (unless the frame cuts the nucleus: its outline there is the frame's)
        double[] blobSolidity = Shape.solidity(blob, blobs, w, h);
        boolean[] nucleus = new boolean[blobs];
        int nuclei = 0;
        int nucleusPixels = 0;
        for (int o = 0; o < blobs; o++) {
            double[] s = blobStats[o];
            boolean edge = atEdge(s, w, h);
            if (s[AREA] >= NUCLEUS_AREA * candMedian
                    && Shape.elongation(s) < (edge ? EDGE_NUCLEUS_ELONGATION : NUCLEUS_ELONGATION)
                    && Shape.ellipseFill(s) > NUCLEUS_FILL && (blobSolidity[o] > NUCLEUS_SOLIDITY || edge)) {
                nucleus[o] = true;
                nuclei++;
                nucleusPixels += (int) s[AREA];
            }
        }
        boolean[] inNucleus = new boolean[n];
        if (nuclei > 0) {
            boolean[] notNucleus = new boolean[n];
            for (int i = 0; i < n; i++) {
                inNucleus[i] = blob[i] >= 0 && nucleus[blob[i]];
                notNucleus[i] = !inNucleus[i];
            }
            int[] toNucleus = Labels.depth(notNucleus, w, h);
            int rim = (int) Math.round(NUCLEUS_RIM * width * Labels.DEPTH_UNIT);
            for (int i = 0; i < n; i++) {
                inNucleus[i] |= candidate[i] && toNucleus[i] <= rim && st[i] < NUCLEUS_RIM_STAIN;
            }
        }
        float[][] cut = localCut.join();
        float[] smooth = cut[0];
        float[] localMax = cut[1];
        boolean[] body = new boolean[n];
        for (int i = 0; i < n; i++) {
            body[i] = candidate[i] && !inNucleus[i] && smooth[i] > LOCAL_SHARE * localMax[i];
        }
        Labels.Components bodyComponents = Labels.components(body, w, h);
        int[] bodyLabel = bodyComponents.label();
        int bodies = bodyComponents.count();
        double[][] bodyStats = Labels.stats(bodyComponents, w, st);
        double median = medianArea(bodyStats, 15);
        // the cuts at higher levels read each body's area and peak, never its depth: offered to another core
        Beside<int[][]> splitting = Beside.start(() -> {
            int[] pixels = Labels.labelled(bodyLabel);
            boolean[] above = new boolean[n];
            int[] root = new int[n];
            int[][] parts = new int[SPLIT_LEVELS.length][];
            for (int q = 0; q < SPLIT_LEVELS.length; q++) {
                parts[q] = parts(bodyLabel, pixels, bodies, bodyStats, st, w, SPLIT_LEVELS[q], SPLIT_PART * median,
                        above, root);
            }
            return parts;
        });
        int[] depth = Labels.depth(body, w, h);
        for (int i = 0; i < n; i++) {
            if (bodyLabel[i] >= 0) {
                bodyStats[bodyLabel[i]][DEPTH] = Math.max(bodyStats[bodyLabel[i]][DEPTH], depth[i]);
            }
        }
        double[] solidity = Shape.solidity(bodyLabel, bodies, w, h);
        double depthMedian = singleDepth(bodyStats, median);
        double[] widthDepth = new double[bodies];
        for (int o = 0; o < bodies; o++) {
            widthDepth[o] = bodyStats[o][DEPTH] / depthMedian;
        }
        // the objects: bodies joined through candidate stain are one object (touching chromosomes, a cluster)
        boolean[] joined = new boolean[n];
        for (int i = 0; i < n; i++) {
            joined[i] = candidate[i] && !inNucleus[i];
        }
        Labels.Components objectComponents = Labels.components(joined, w, h);
        int[] label = objectComponents.label();
        int count = objectComponents.count();
        double[][] stats = Labels.stats(objectComponents, w, st);
        int[] objectOf = new int[bodies];
        for (int i = 0; i < n; i++) {
            if (bodyLabel[i] >= 0) {
                objectOf[bodyLabel[i]] = label[i];
            }
        }
        int[][] splits = splitting.join();
        return new SpreadObjects(field, bodyLabel, bodies, nuclei, nucleusPixels, median, bodyStats, splits, solidity,
                widthDepth, radius, label, count, stats, objectOf);
    }

    private static boolean atEdge(double[] s, int w, int h) {
        return s[MIN_X] == 0 || s[MIN_Y] == 0 || s[MAX_X] == w - 1 || s[MAX_Y] == h - 1;
    }

    /**
     * How many parts of each object stay at least {@code minArea} when cut at {@code level} of its peak, read on the
     * objects' {@code pixels} alone; {@code cut} is false outside them and {@code root} is scratch.
     */
    private static int[] parts(int[] label, int[] pixels, int count, double[][] stats, float[] st, int w,
            double level, double minArea, boolean[] cut, int[] root) {
        for (int i : pixels) {
            cut[i] = st[i] > level * stats[label[i]][PEAK];
        }
        int roots = Labels.roots(cut, pixels, w, root);
        int[] area = new int[roots];
        int[] parent = new int[roots];
        for (int i : pixels) {
            if (cut[i]) {
                area[root[i]]++;
                parent[root[i]] = label[i];
            }
        }
        int[] parts = new int[count];
        for (int j = 0; j < roots; j++) {
            if (area[j] >= minArea) {
                parts[parent[j]]++;
            }
        }
        return parts;
    }

    /** Twice the median depth of mid-sized candidates that are not nuclei: a chromosome's width in pixels. */
    private static double typicalWidth(int[] cand, double[][] stats, double median, int[] depth) {
        double[] deepest = new double[stats.length];
        for (int i = 0; i < cand.length; i++) {
            if (cand[i] >= 0) {
                deepest[cand[i]] = Math.max(deepest[cand[i]], depth[i]);
            }
        }
        double[] mid = new double[stats.length];
        int k = 0;
        for (int o = 0; o < stats.length; o++) {
            if (stats[o][AREA] >= 0.5 * median && stats[o][AREA] <= 2 * median) {
                mid[k++] = deepest[o];
            }
        }
        if (k == 0) {
            return 4;
        }
        Arrays.sort(mid, 0, k);
        return 2 * mid[k / 2] / Labels.DEPTH_UNIT;
    }

    private static double singleDepth(double[][] stats, double median) {
        double[] d = new double[stats.length];
        int k = 0;
        for (double[] s : stats) {
            if (s[AREA] >= 0.5 * median && s[AREA] <= 1.5 * median) {
                d[k++] = s[DEPTH];
            }
        }
        if (k == 0) {
            return 1;
        }
        Arrays.sort(d, 0, k);
        return Math.max(1, d[k / 2]);
    }

    static double medianArea(double[][] stats, double min) {
        double[] a = new double[stats.length];
        int k = 0;
        for (double[] s : stats) {
            if (s[AREA] >= min) {
                a[k++] = s[AREA];
            }
        }
        if (k == 0) {
            return Math.max(1, min);
        }
        Arrays.sort(a, 0, k);
        return a[k / 2];
    }

    /** The counting features of body {@code b}, in the order of {@link ObjectCounter#BODY_FEATURES}. */
    public double[] countingFeatures(int b) {
        double[] s = bodyStats[b];
        double area = s[AREA];
        double r = area / medianArea;
        double lr = Math.log(Math.max(r, 1e-3));
        return new double[] {lr, lr * lr, Math.min(splits[0][b], 6), Math.min(splits[1][b], 6),
            Math.min(splits[2][b], 6), Math.log(Math.max(1, Shape.elongation(s))), solidity[b], widthDepth[b],
            s[STAIN] / area, s[PEAK], r * (1 - solidity[b]), Math.min(r, 8)};
    }

    public StainField field() {
        return field;
    }

    /** Per pixel of the field, the object it belongs to, or -1. Read-only. */
    public int[] label() {
        return label;
    }

    /** Number of objects: separated pieces of stain, each one or more touching chromosome bodies. */
    public int count() {
        return count;
    }

    /** Per pixel of the field, the chromosome body it belongs to, or -1. Read-only. */
    public int[] bodyLabel() {
        return bodyLabel;
    }

    /** Number of chromosome bodies (what the local cut leaves: chromosomes, or pieces of touching ones). */
    public int bodies() {
        return bodies;
    }

    /** The object that body {@code b} lies in. */
    public int objectOf(int b) {
        return objectOf[b];
    }

    /** Interphase nuclei set aside. */
    public int nuclei() {
        return nuclei;
    }

    /** Pixels of the nuclei set aside. */
    public int nucleusPixels() {
        return nucleusPixels;
    }

    /** The median body area in pixels (a typical single chromosome). */
    public double medianArea() {
        return medianArea;
    }

    /** The local window's radius in pixels (about one chromosome width). */
    public double window() {
        return window;
    }

    /** Per-object sums: see the index constants. Read-only. */
    double[][] stats() {
        return stats;
    }

    /** Per-body sums: see the index constants. Read-only. */
    double[][] bodyStats() {
        return bodyStats;
    }

    /** Area of object {@code o} in pixels. */
    public double area(int o) {
        return stats[o][AREA];
    }

    /** The objects' bounding boxes as {minX, maxX, minY, maxY}. */
    public List<int[]> boxes() {
        List<int[]> boxes = new ArrayList<>(count);
        for (double[] s : stats) {
            boxes.add(new int[] {(int) s[MIN_X], (int) s[MAX_X], (int) s[MIN_Y], (int) s[MAX_Y]});
        }
        return boxes;
    }
}
