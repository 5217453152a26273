package org.karyoloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.ml.spread.LabelTruth;

/**
 * Measures the shared ADIR DAPI cells against their expert label images (bench/adir-stats.sh): background level
 * and noise, chromosome brightness, chromosome lengths and widths in pixels, touching and overlapping pairs, bright
 * objects outside the chromosomes (nuclei), and the mean edge profile across a chromosome outline; the figures the
 * fluorescence domain's knobs are fitted to (docs/synthetic.md).
 */
public final class AdirStats {

    /**
     * The slides held out for testing; every other slide tunes (the fluorescence object counter is fitted on them).
     * Split by slide, never by cell, and the same split in every benchmark of the shared cells.
     */
    static final Set<String> TEST_SLIDES = Set.of("A02", "A04", "A20", "A22", "P08", "P10", "P12");

    private AdirStats() {
    }

    /** Where the shared cells are by default: beside the checkout, as ../shared/testdata/adir-mfish/cases. */
    static final String DEFAULT_CASES = "../shared/testdata/adir-mfish/cases";

    /**
     * The folder of shared cells {@code given} (null: {@link #DEFAULT_CASES}); when it is not there, says so and how
     * to name another ({@code how}, e.g. {@code --real DIR}) and exits with status 2.
     */
    static Path casesDir(String given, String how) {
        Path cases = Path.of(given != null ? given : DEFAULT_CASES);
        if (!Files.isDirectory(cases)) {
            System.err.println("no shared ADIR cells at " + cases.toAbsolutePath().normalize() + " (the default is "
                    + DEFAULT_CASES + ", beside the checkout); name the folder with " + how);
            System.exit(2);
        }
        return cases;
    }

    /** Whether {@code slide} (e.g. {@code A02}) is one of the {@link #TEST_SLIDES}. */
    static boolean onTestSlide(String slide) {
        return TEST_SLIDES.contains(slide);
    }

    /** A labelled shared cell: its DAPI image and its label image. */
    record Cell(String name, String slide, Path dapi, Path labels) {
    }

    /** Every labelled cell under {@code cases} (folders of {@code <image>D.tif} with {@code <image>K.tif}). */
    static List<Cell> cells(Path cases) throws Exception {
        List<Cell> cells = new ArrayList<>();
        try (Stream<Path> files = Files.walk(cases)) {
            for (Path d : files.filter(p -> p.getFileName().toString().endsWith("D.tif")).sorted().toList()) {
                String n = d.getFileName().toString();
                Path k = d.resolveSibling(n.substring(0, n.length() - 5) + "K.tif");
                if (Files.exists(k)) {
                    String folder = d.getParent().getFileName().toString();
                    cells.add(new Cell(n.substring(0, n.length() - 5), folder.substring(0, 3), d, k));
                }
            }
        }
        return cells;
    }

    static DecodedImage decode(Path file) throws Exception {
        return new ImageDecoder(new ImageLimits(64L << 20, 1L << 26)).decode(Files.readAllBytes(file));
    }

    public static void main(String[] args) throws Exception {
        Path cases = casesDir(args.length > 0 ? args[0] : null, "its first argument");
        List<double[]> rows = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        double[] edge = new double[13];
        int edgeCells = 0;
        System.out.println("cell,background,noise,chromosome_median,chromosome_p95,chromosomes,touching,overlapping,"
                + "nuclei,nucleus_median");
        for (Cell cell : cells(cases)) {
            DecodedImage image = decode(cell.dapi());
            LabelTruth truth = LabelTruth.read(cell.labels());
            int w = image.width();
            int h = image.height();
            byte[] g = image.gray();
            boolean[] chrom = new boolean[w * h];
            for (int p = 0; p < w * h; p++) {
                chrom[p] = truth.chromosome()[p] != -1;
            }
            boolean[] near = dilate(chrom, w, h, 6);
            List<Integer> bg = new ArrayList<>();
            List<Integer> in = new ArrayList<>();
            double diff2 = 0;
            int diffs = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int v = g[p] & 0xFF;
                    if (chrom[p]) {
                        in.add(v);
                    } else if (!near[p]) {
                        bg.add(v);
                        if (x + 1 < w && !near[p + 1]) {
                            double d = v - (g[p + 1] & 0xFF);
                            if (Math.abs(d) < 20) {
                                diff2 += d * d;
                                diffs++;
                            }
                        }
                    }
                }
            }
            double background = percentile(bg, 0.5);
            double noise = Math.sqrt(diff2 / Math.max(1, diffs) / 2);
            double chromMedian = percentile(in, 0.5);
            // Bright objects outside the chromosomes: nuclei (and debris), above the midpoint of background and chromosomes.
            double cut = background + 0.5 * (chromMedian - background);
            boolean[] bright = new boolean[w * h];
            for (int p = 0; p < w * h; p++) {
                bright[p] = !near[p] && (g[p] & 0xFF) > cut;
            }
            int[] nuclei = blobs(bright, g, w, h, 1500);
            double[] perChrom = chromosomeShapes(truth, lengths, widths);
            double[] profile = edgeProfile(chrom, g, w, h);
            for (int i = 0; i < edge.length; i++) {
                edge[i] += profile[i];
            }
            edgeCells++;
            double[] row = {background, noise, chromMedian, percentile(in, 0.95), truth.chromosomes(),
                truth.touchingPairs(), truth.overlappingPairs(), nuclei[0], nuclei[1]};
            rows.add(row);
            System.out.printf(Locale.ROOT, "%s,%.1f,%.2f,%.1f,%.1f,%d,%d,%d,%d,%d%n", cell.name(), row[0], row[1],
                    row[2],
                    row[3], truth.chromosomes(), truth.touchingPairs(), truth.overlappingPairs(), nuclei[0], nuclei[1]);
            if (perChrom.length == 0) {
                continue;
            }
        }
        String[] names = {"background", "noise", "chromosome_median", "chromosome_p95", "chromosomes", "touching",
            "overlapping", "nuclei", "nucleus_median"};
        System.out.println("summary over " + rows.size() + " cells: p05 / p25 / median / p75 / p95");
        for (int c = 0; c < names.length; c++) {
            List<Double> v = new ArrayList<>();
            for (double[] r : rows) {
                v.add(r[c]);
            }
            System.out.println(summary(names[c], v));
        }
        System.out.println(summary("chromosome_length_px", lengths));
        System.out.println(summary("chromosome_width_px", widths));
        StringBuilder s = new StringBuilder(
                "edge profile (mean gray at distance -6..+6 px from the outline, inside first):");
        for (double e : edge) {
            s.append(String.format(Locale.ROOT, " %.1f", e / edgeCells));
        }
        System.out.println(s);
    }

    /** Length (extent along the principal axis) and width (area / length) of every chromosome, in pixels. */
    static double[] chromosomeShapes(LabelTruth truth, List<Double> lengths, List<Double> widths) {
        int n = truth.chromosomes();
        double[] sx = new double[n];
        double[] sy = new double[n];
        double[] sxx = new double[n];
        double[] syy = new double[n];
        double[] sxy = new double[n];
        int[] area = new int[n];
        int w = truth.width();
        int[] c = truth.chromosome();
        for (int p = 0; p < c.length; p++) {
            int k = c[p];
            if (k >= 0) {
                double x = p % w;
                double y = p / w;
                sx[k] += x;
                sy[k] += y;
                sxx[k] += x * x;
                syy[k] += y * y;
                sxy[k] += x * y;
                area[k]++;
            }
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] ux = new double[n];
        double[] uy = new double[n];
        Arrays.fill(lo, Double.MAX_VALUE);
        Arrays.fill(hi, -Double.MAX_VALUE);
        for (int k = 0; k < n; k++) {
            if (area[k] == 0) {
                continue;
            }
            double mx = sx[k] / area[k];
            double my = sy[k] / area[k];
            double a = sxx[k] / area[k] - mx * mx;
            double b = sxy[k] / area[k] - mx * my;
            double d = syy[k] / area[k] - my * my;
            double angle = 0.5 * Math.atan2(2 * b, a - d);
            ux[k] = Math.cos(angle);
            uy[k] = Math.sin(angle);
        }
        for (int p = 0; p < c.length; p++) {
            int k = c[p];
            if (k >= 0) {
                double t = (p % w) * ux[k] + (p / w) * uy[k];
                lo[k] = Math.min(lo[k], t);
                hi[k] = Math.max(hi[k], t);
            }
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            if (area[k] < 20) {
                continue;
            }
            double length = hi[k] - lo[k] + 1;
            lengths.add(length);
            widths.add(area[k] / length);
            out[k] = length;
        }
        return out;
    }

    /** Mean gray at outline distances -6..+6 (rings of erosion inside, dilation outside). */
    static double[] edgeProfile(boolean[] mask, byte[] g, int w, int h) {
        double[] out = new double[13];
        boolean[] inner = mask;
        for (int k = 0; k <= 6; k++) {
            boolean[] next = erode(inner, w, h);
            out[6 - k] = ringMean(inner, next, g);
            inner = next;
        }
        boolean[] outer = mask;
        for (int k = 1; k <= 6; k++) {
            boolean[] next = dilate(outer, w, h, 1);
            out[6 + k] = ringMean(next, outer, g);
            outer = next;
        }
        return out;
    }

    private static double ringMean(boolean[] a, boolean[] minus, byte[] g) {
        double sum = 0;
        int n = 0;
        for (int p = 0; p < a.length; p++) {
            if (a[p] && !minus[p]) {
                sum += g[p] & 0xFF;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    static boolean[] erode(boolean[] m, int w, int h) {
        boolean[] inverse = new boolean[m.length];
        for (int p = 0; p < m.length; p++) {
            inverse[p] = !m[p];
        }
        boolean[] d = dilate(inverse, w, h, 1);
        for (int p = 0; p < m.length; p++) {
            d[p] = !d[p];
        }
        return d;
    }

    static boolean[] dilate(boolean[] m, int w, int h, int times) {
        boolean[] cur = m;
        for (int t = 0; t < times; t++) {
            boolean[] next = cur.clone();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (cur[y * w + x]) {
                        if (x > 0) {
                            next[y * w + x - 1] = true;
                        }
                        if (x + 1 < w) {
                            next[y * w + x + 1] = true;
                        }
                        if (y > 0) {
                            next[(y - 1) * w + x] = true;
                        }
                        if (y + 1 < h) {
                            next[(y + 1) * w + x] = true;
                        }
                    }
                }
            }
            cur = next;
        }
        return cur;
    }

    /** Count of 4-connected components of at least {@code minArea} pixels, and the median gray of their pixels. */
    static int[] blobs(boolean[] m, byte[] g, int w, int h, int minArea) {
        int[] seen = new int[m.length];
        int[] stack = new int[m.length];
        int count = 0;
        List<Integer> values = new ArrayList<>();
        List<Integer> blob = new ArrayList<>();
        for (int s = 0; s < m.length; s++) {
            if (!m[s] || seen[s] != 0) {
                continue;
            }
            blob.clear();
            int top = 0;
            stack[top++] = s;
            seen[s] = 1;
            while (top > 0) {
                int p = stack[--top];
                blob.add(g[p] & 0xFF);
                int x = p % w;
                int y = p / w;
                int[] ns = {x > 0 ? p - 1 : -1, x + 1 < w ? p + 1 : -1, y > 0 ? p - w : -1, y + 1 < h ? p + w : -1};
                for (int q : ns) {
                    if (q >= 0 && m[q] && seen[q] == 0) {
                        seen[q] = 1;
                        stack[top++] = q;
                    }
                }
            }
            if (blob.size() >= minArea) {
                count++;
                values.addAll(blob);
            }
        }
        return new int[] {count, values.isEmpty() ? 0 : (int) percentile(values, 0.5)};
    }

    static double percentile(List<? extends Number> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return v[(int) Math.min(v.length - 1, Math.round(q * (v.length - 1)))];
    }

    private static String summary(String name, List<Double> v) {
        return String.format(Locale.ROOT, "%-22s %7.2f %7.2f %7.2f %7.2f %7.2f", name, percentile(v, 0.05),
                percentile(v, 0.25), percentile(v, 0.5), percentile(v, 0.75), percentile(v, 0.95));
    }
}
