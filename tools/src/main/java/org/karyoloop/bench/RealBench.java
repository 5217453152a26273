package org.karyoloop.bench;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.ml.spread.LabelTruth;
import org.karyoloop.ml.spread.ModalityDetector;
import org.karyoloop.ml.spread.ObjectCounter;
import org.karyoloop.ml.spread.ObjectCounterFit;
import org.karyoloop.ml.spread.SpreadAnalysis;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.ml.spread.SpreadObjects;
import org.karyoloop.ml.spread.StainField;

/**
 * The real-image benchmark (bench/real.sh): karyoloop's measurement of every labelled cell of the shared ADIR
 * M-FISH set against the cytogeneticist's label image — chromosomes counted, clusters of touching or overlapping
 * chromosomes found — split by slide into tuning and test slides; per-cell CSV and pictures of the worst test cells
 * under bench/out. With {@code --fit} it refits the object counter ({@link ObjectCounterFit}) on the tuning slides
 * and writes its resource. Single-threaded.
 */
public final class RealBench {

    record Cell(String name, String slide, boolean test, DecodedImage image, LabelTruth truth) {
    }

    record Result(Cell cell, SpreadAnalysis analysis, double ms, int[] perObjectTruth, int clusterTp,
            int predictedClusters, int truthClusters, int truthClustersFound) {

        int error() {
            return analysis.measurement().chromosomes() - cell.truth.chromosomes();
        }
    }

    public static void main(String[] args) throws Exception {
        Path cases = AdirStats.casesDir(args.length > 0 && !args[0].startsWith("--") ? args[0] : null,
                "bash bench/real.sh DIR");
        boolean fit = List.of(args).contains("--fit");
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        List<Cell> cells = load(cases);
        System.out.printf("%d labelled cells, %d on test slides %s%n", cells.size(),
                cells.stream().filter(Cell::test).count(), AdirStats.TEST_SLIDES);
        if (fit) {
            fit(cells);
            return;
        }
        List<Result> results = new ArrayList<>();
        for (Cell c : cells) {
            long t0 = System.nanoTime();
            SpreadAnalysis a = SpreadMeter.analyse(c.image, null);
            double ms = (System.nanoTime() - t0) / 1e6;
            results.add(score(c, a, ms));
        }
        writeCsv(out.resolve("real-cells.csv"), results);
        perObject(results, false);
        perObject(results, true);
        List<Result> test = results.stream().filter(r -> r.cell.test).toList();
        List<Result> worst = test.stream().sorted(Comparator.comparingInt((Result r) -> -Math.abs(r.error())))
                .limit(6).toList();
        for (int i = 0; i < worst.size(); i++) {
            picture(worst.get(i), out.resolve("real-worst-" + (i + 1) + ".png"));
        }
        bySlide(results);
        double ms1024 = timeAt1024(cells.get(0).image);
        String tune = summary(results.stream().filter(r -> !r.cell.test).toList());
        String tested = summary(test);
        System.out.println("tuning slides: " + tune);
        System.out.println("test slides:   " + tested);
        System.out.println("worst test cells: " + worst.stream().map(r -> r.cell.name + " " + signed(r.error()))
                .toList() + " (pictures: bench/out/real-worst-*.png; per cell: bench/out/real-cells.csv)");
        System.out.printf(Locale.ROOT, "measure ms per image: %.1f at 645x517 (median), %.1f at 1024x1024%n",
                median(results.stream().mapToDouble(Result::ms).toArray()), ms1024);
        System.out.println("RESULT " + tested.substring(0, tested.indexOf(" (")));
    }

    /** Objects by expert chromosomes against chromosomes counted, with the error of their expected counts. */
    private static void perObject(List<Result> results, boolean test) {
        int[][] conf = new int[8][8];
        double[] err = new double[8];
        double[] abs = new double[8];
        for (Result r : results) {
            if (r.cell.test != test) {
                continue;
            }
            int[] per = r.analysis.census().perObject();
            for (int o = 0; o < per.length; o++) {
                int truth = Math.min(7, r.perObjectTruth[o]);
                conf[truth][Math.min(7, per[o])]++;
                double e = r.analysis.census().expected()[o] - r.perObjectTruth[o];
                err[truth] += e;
                abs[truth] += Math.abs(e);
            }
        }
        System.out.println((test ? "test" : "tuning") + " slides, objects by expert chromosomes (rows 0..7+) and "
                + "chromosomes counted (columns 0..7+), with the error of their expected counts:");
        for (int k = 0; k < 8; k++) {
            System.out.printf(Locale.ROOT, "  %s  error %+.1f  |error| %.1f%n", java.util.Arrays.toString(conf[k]),
                    err[k], abs[k]);
        }
    }

    /**
     * Per slide: cells within 2, mean error, and the chromosomes counted per cell in objects where the expert's label
     * image has no chromosome (the error that a label image which leaves chromosomes unlabelled would show).
     */
    private static void bySlide(List<Result> results) {
        Map<String, List<Result>> slides = new TreeMap<>();
        for (Result r : results) {
            slides.computeIfAbsent(r.cell.slide, k -> new ArrayList<>()).add(r);
        }
        System.out.println("by slide (* test): within 2 of cells, mean error, counted per cell in objects the expert "
                + "left unlabelled");
        StringBuilder line = new StringBuilder();
        slides.forEach((slide, rs) -> {
            int within = 0;
            double error = 0;
            double unlabelled = 0;
            for (Result r : rs) {
                within += Math.abs(r.error()) <= 2 ? 1 : 0;
                error += r.error();
                double[] expected = r.analysis.census().expected();
                for (int o = 0; o < expected.length; o++) {
                    unlabelled += r.perObjectTruth[o] == 0 ? expected[o] : 0;
                }
            }
            line.append(String.format(Locale.ROOT, "  %s%s %d/%d %+.1f %.1f", AdirStats.onTestSlide(slide) ? "*" : "",
                    slide, within, rs.size(), error / rs.size(), unlabelled / rs.size()));
        });
        System.out.println(line);
    }

    private static String signed(int e) {
        return e > 0 ? "+" + e : String.valueOf(e);
    }

    static List<Cell> load(Path cases) throws IOException {
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(64L << 20, 50_000_000L));
        List<Cell> cells = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(cases)) {
            for (Path dir : dirs.sorted().toList()) {
                String slide = dir.getFileName().toString().substring(0, 3);
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path d : files.filter(p -> p.getFileName().toString().endsWith("D.tif")).sorted()
                            .toList()) {
                        Path k = d.resolveSibling(d.getFileName().toString().replaceAll("D\\.tif$", "K.tif"));
                        if (!Files.exists(k)) {
                            continue; // the set's "extreme" cells have no karyotype
                        }
                        DecodedImage image;
                        try {
                            image = decoder.decode(Files.readAllBytes(d));
                        } catch (org.karyoloop.imaging.ImageRejectedException e) {
                            throw new IOException(d + ": " + e.getMessage(), e);
                        }
                        cells.add(new Cell(d.getFileName().toString(), slide, AdirStats.onTestSlide(slide), image,
                                LabelTruth.read(k)));
                    }
                }
            }
        }
        return cells;
    }

    /** Per object of the measurement, how many truth chromosomes have most of their pixels in it. */
    static int[] truthPerObject(int[] label, int objects, LabelTruth truth) {
        Map<Long, Integer> overlap = new HashMap<>();
        int[] chromosome = truth.chromosome();
        for (int i = 0; i < label.length; i++) {
            if (chromosome[i] >= 0 && label[i] >= 0) {
                overlap.merge((long) chromosome[i] * 1_000_000 + label[i], 1, Integer::sum);
            }
        }
        int[] best = new int[truth.chromosomes()];
        int[] bestCount = new int[truth.chromosomes()];
        java.util.Arrays.fill(best, -1);
        for (Map.Entry<Long, Integer> e : overlap.entrySet()) {
            int ch = (int) (e.getKey() / 1_000_000);
            int o = (int) (e.getKey() % 1_000_000);
            if (e.getValue() > bestCount[ch]) {
                bestCount[ch] = e.getValue();
                best[ch] = o;
            }
        }
        int[] per = new int[objects];
        for (int b : best) {
            if (b >= 0) {
                per[b]++;
            }
        }
        return per;
    }

    static Result score(Cell c, SpreadAnalysis a, double ms) {
        SpreadObjects objects = a.objects();
        int[] label = objects.label();
        if (objects.field().factor() != 1) {
            throw new IllegalStateException("the shared cells are measured at full resolution");
        }
        int[] truthPer = truthPerObject(label, objects.count(), c.truth);
        int[] per = a.census().perObject();
        int predicted = 0;
        int tp = 0;
        for (int o = 0; o < per.length; o++) {
            if (per[o] >= 2) {
                predicted++;
                tp += truthPer[o] >= 2 ? 1 : 0;
            }
        }
        // truth clusters: the majority of their pixels lies in an object the measurement calls a cluster
        LabelTruth t = c.truth;
        int[] members = t.members();
        Map<Long, Integer> votes = new HashMap<>();
        for (int i = 0; i < label.length; i++) {
            int obj = t.object()[i];
            if (obj >= 0 && members[obj] >= 2) {
                votes.merge((long) obj * 1_000_000 + (label[i] + 1), 1, Integer::sum);
            }
        }
        Map<Integer, int[]> best = new HashMap<>();
        for (Map.Entry<Long, Integer> e : votes.entrySet()) {
            int obj = (int) (e.getKey() / 1_000_000);
            int o = (int) (e.getKey() % 1_000_000) - 1;
            int[] b = best.computeIfAbsent(obj, k -> new int[] {-1, 0});
            if (e.getValue() > b[1]) {
                b[0] = o;
                b[1] = e.getValue();
            }
        }
        int found = 0;
        for (int[] b : best.values()) {
            found += b[0] >= 0 && per[b[0]] >= 2 ? 1 : 0;
        }
        return new Result(c, a, ms, truthPer, tp, predicted, t.clusters(), found);
    }

    static String summary(List<Result> rs) {
        int within2 = 0;
        double mae = 0;
        double bias = 0;
        int tp = 0;
        int predicted = 0;
        int truth = 0;
        int found = 0;
        double clusterMae = 0;
        double separatedMae = 0;
        for (Result r : rs) {
            separatedMae += Math.abs(separated(r) - r.cell.truth.objects());
            clusterMae += Math.abs(r.analysis.measurement().clusters() - r.cell.truth.clusters());
            within2 += Math.abs(r.error()) <= 2 ? 1 : 0;
            mae += Math.abs(r.error());
            bias += r.error();
            tp += r.clusterTp;
            predicted += r.predictedClusters;
            truth += r.truthClusters;
            found += r.truthClustersFound;
        }
        double precision = predicted == 0 ? 0 : tp / (double) predicted;
        double recall = truth == 0 ? 0 : found / (double) truth;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        int n = Math.max(1, rs.size());
        return String.format(Locale.ROOT,
                "count_within2=%.3f count_mae=%.2f clusters_f1=%.3f cells=%d (count_bias=%+.2f clusters_precision=%.3f "
                        + "clusters_recall=%.3f clusters_per_cell_mae=%.2f separated_objects_mae=%.2f)",
                within2 / (double) n, mae / n, f1,
                rs.size(), bias / n, precision, recall, clusterMae / n, separatedMae / n);
    }

    /** The separated objects the measurement saw (its {@code separated_objects} value, a share of 46). */
    static int separated(Result r) {
        return Math.round(r.analysis.measurement().features()[SpreadMeter.NAMES.indexOf("separated_objects")] * 46);
    }

    private static void writeCsv(Path file, List<Result> rs) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("cell,slide,split,modality,truth_chromosomes,truth_objects,truth_clusters,truth_overlap_px,"
                    + "truth_touching_pairs,truth_overlapping_pairs,chromosomes,error,clusters,clusters_correct,"
                    + "truth_clusters_found,separated_objects,nuclei,spread,reason,ms");
            for (Result r : rs) {
                LabelTruth t = r.cell.truth;
                var m = r.analysis.measurement();
                w.printf(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s,%s,%.1f%n", r.cell.name,
                        r.cell.slide, r.cell.test ? "test" : "tune", m.modality().wire(), t.chromosomes(), t.objects(),
                        t.clusters(), t.overlapPixels(), t.touchingPairs(), t.overlappingPairs(), m.chromosomes(),
                        r.error(), m.clusters(), r.clusterTp, r.truthClustersFound, separated(r),
                        r.analysis.objects().nuclei(),
                        m.spread(), m.reason() == null ? "" : m.reason(), r.ms);
            }
        }
    }

    /** The image with the counted objects outlined ({@link CountedPicture}) | the expert's chromosomes. */
    private static void picture(Result r, Path file) throws IOException {
        byte[] gray = r.cell.image.gray();
        int[] chromosome = r.cell.truth.chromosome();
        int w = r.analysis.objects().field().width();
        BufferedImage img = CountedPicture.draw(r.analysis, i -> Math.min(255, (gray[i] & 0xFF) * 2),
                i -> chromosome[i] == -1 ? 0 : chromosome[i] == -2 ? 0xffffff : CountedPicture.hue(chromosome[i]));
        var gr = img.createGraphics();
        gr.setColor(Color.WHITE);
        gr.drawString(r.cell.name + "  counted " + r.analysis.measurement().chromosomes() + " (clusters "
                + r.analysis.measurement().clusters() + ")", 6, 14);
        gr.drawString("expert: " + r.cell.truth.chromosomes() + " chromosomes, " + r.cell.truth.clusters()
                + " clusters", w + 6, 14);
        gr.dispose();
        CountedPicture.write(img, file);
    }

    /** Milliseconds to measure the cell scaled up to 1024 x 1024 (nearest neighbour), best of 5 after warm-up. */
    private static double timeAt1024(DecodedImage image) {
        int s = 1024;
        byte[] g = new byte[s * s];
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                g[y * s + x] = image.gray()[(y * image.height() / s) * image.width() + x * image.width() / s];
            }
        }
        DecodedImage big = new DecodedImage(ImageFormat.PNG, s, s, 8, 1, g);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            long t0 = System.nanoTime();
            SpreadMeter.measure(big);
            if (i >= 3) {
                best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            }
        }
        return best;
    }

    private static void fit(List<Cell> cells) throws IOException {
        List<double[]> features = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (Cell c : cells) {
            if (c.test) {
                continue;
            }
            SpreadObjects objects = SpreadObjects.of(StainField.of(c.image, ModalityDetector.detect(c.image)));
            int[] per = truthPerObject(objects.bodyLabel(), objects.bodies(), c.truth);
            for (int o = 0; o < objects.bodies(); o++) {
                features.add(objects.countingFeatures(o));
                truth.add(per[o]);
            }
        }
        ObjectCounter counter = ObjectCounterFit.fit(features, truth);
        Path resource = Path.of("src/main/resources/org/karyoloop/ml/spread/" + ObjectCounter.RESOURCE);
        try (Writer w = Files.newBufferedWriter(resource)) {
            counter.write(w, "fitted by bench/real.sh --fit on " + features.size() + " chromosome bodies of the tuning "
                    + "slides of the shared ADIR M-FISH cells (all slides but "
                    + new java.util.TreeSet<>(AdirStats.TEST_SLIDES)
                    + ")");
        }
        System.out.println("wrote " + resource + " (" + features.size() + " bodies)");
    }

    private static double median(double[] v) {
        java.util.Arrays.sort(v);
        return v.length == 0 ? 0 : v[v.length / 2];
    }
}
