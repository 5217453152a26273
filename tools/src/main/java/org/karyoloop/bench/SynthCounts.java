package org.karyoloop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.Grade;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;
import org.karyoloop.synth.SpreadTruth;

/**
 * What the measurement sees of synthetic spreads against their truth: per domain and true grade, the chromosome
 * count against the true count (share exact, share within 2, mean absolute error, bias) and clusters found against
 * the true touching and overlapping pairs. GOOD needs exactly 46 chromosomes and no touching or overlapping pair,
 * so the share of GOOD spreads measured as 46 with no cluster, against the share of FAIR spreads measured so, says
 * how far the measurements can separate the two. Synthetic images only. Run with
 * {@code java -cp ... org.karyoloop.bench.SynthCounts [n=120] [size=1024] [domain specs...]}.
 */
public final class SynthCounts {

    private SynthCounts() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--fit")) {
            fit(List.of(args).subList(1, args.length));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        List<String> domains = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("new", "fluorescence");
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String spec : domains) {
                report(spec, measure(pool, Domain.parse(spec), n, size));
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Fits the bright-field object counter on the bodies of labelled synthetic spreads (seed 41, not the seed the
     * counts are reported on) and writes its resource: {@code --fit [n=300] [size=1024] [domain specs...]}, by
     * default equal shares of the generator's bright-field domains.
     */
    private static void fit(List<String> args) throws Exception {
        int n = args.size() > 0 ? Integer.parseInt(args.get(0)) : 300;
        int size = args.size() > 1 ? Integer.parseInt(args.get(1)) : 1024;
        List<String> domains = args.size() > 2 ? args.subList(2, args.size()) : List.of("new", "legacy");
        List<double[]> features = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> truth = java.util.Collections.synchronizedList(new ArrayList<>());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int[] images = new int[1];
        try {
            for (String spec : domains) {
                GeneratorConfig config = GeneratorConfig.defaults().withSize(size, size).withDomain(Domain.parse(spec))
                        .withShares(0.4, 0.4).withSeed(41);
                ThreadLocal<SpreadGenerator> generators = ThreadLocal.withInitial(() -> new SpreadGenerator(config));
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < n / domains.size(); i++) {
                    long index = i;
                    futures.add(pool.submit(() -> {
                        org.karyoloop.synth.LabelledSpread ls = generators.get().generateLabelled(index);
                        SyntheticImage s = ls.image();
                        DecodedImage image = new DecodedImage(ImageFormat.PNG, s.width(), s.height(), 8, 1,
                                s.pixels());
                        org.karyoloop.ml.spread.Modality m = SpreadMeter.detect(image);
                        if (m != org.karyoloop.ml.spread.Modality.BRIGHTFIELD) {
                            return;
                        }
                        org.karyoloop.ml.spread.SpreadObjects objects = org.karyoloop.ml.spread.SpreadObjects
                                .of(org.karyoloop.ml.spread.StainField.of(image, m));
                        int[] per = RealBench.truthPerObject(objects.bodyLabel(), objects.bodies(),
                                org.karyoloop.ml.spread.LabelTruth.of(ls.labels(), s.width(), s.height()));
                        synchronized (features) {
                            images[0]++;
                            for (int o = 0; o < objects.bodies(); o++) {
                                features.add(objects.countingFeatures(o));
                                truth.add(per[o]);
                            }
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        org.karyoloop.ml.spread.ObjectCounter counter = org.karyoloop.ml.spread.ObjectCounterFit.fit(features, truth);
        java.nio.file.Path resource = java.nio.file.Path.of("src/main/resources/org/karyoloop/ml/spread/"
                + org.karyoloop.ml.spread.ObjectCounter.BRIGHTFIELD_RESOURCE);
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(resource)) {
            counter.write(w, "fitted by bench/synthcount.sh --fit on " + features.size() + " chromosome bodies of "
                    + images[0] + " labelled synthetic bright-field spreads (" + String.join(", ", domains) + "; "
                    + size + " px, seed 41)");
        }
        System.out.println("wrote " + resource + " (" + features.size() + " bodies of " + images[0] + " images)");
    }

    /** One image's truth and what was measured. */
    record Row(SpreadTruth truth, SpreadMeasurement measured) {
    }

    private static List<Row> measure(ExecutorService pool, Domain domain, int n, int size) throws Exception {
        GeneratorConfig config = GeneratorConfig.defaults().withSize(size, size).withDomain(domain).withShares(0.4, 0.4)
                .withSeed(31);
        // a generator draws on one canvas: one per thread
        ThreadLocal<SpreadGenerator> generators = ThreadLocal.withInitial(() -> new SpreadGenerator(config));
        List<Future<Row>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long index = i;
            futures.add(pool.submit(() -> {
                SyntheticImage s = generators.get().generate(index);
                DecodedImage image = new DecodedImage(ImageFormat.PNG, s.width(), s.height(), 8, 1, s.pixels());
                String dump = System.getProperty("dump");
                if (dump != null) {
                    picture(s, SpreadMeter.analyse(image, SpreadMeter.detect(image)),
                            java.nio.file.Path.of(dump, domain.name() + "-" + index + ".png"));
                }
                return new Row(s.truth(), SpreadMeter.measure(image));
            }));
        }
        List<Row> rows = new ArrayList<>();
        for (Future<Row> f : futures) {
            rows.add(f.get());
        }
        return rows;
    }

    private static void picture(SyntheticImage s, org.karyoloop.ml.spread.SpreadAnalysis a, java.nio.file.Path file)
            throws java.io.IOException {
        org.karyoloop.ml.spread.SpreadObjects objects = a.objects();
        int w = objects.field().width();
        int h = objects.field().height();
        int[] label = objects.label();
        int[] body = objects.bodyLabel();
        int[] per = a.census().perObject();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2 * w, h,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int g = s.pixels()[i] & 0xFF;
                img.setRGB(x, y, g << 16 | g << 8 | g);
                int o = label[i];
                if (o >= 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || label[i - 1] != o
                        || label[i + 1] != o || label[i - w] != o || label[i + w] != o)) {
                    int k = per[o];
                    img.setRGB(x, y, k == 0 ? 0x4060ff : k == 1 ? 0x00ff00 : k == 2 ? 0xffff00 : k == 3 ? 0xff8000
                            : 0xff0000);
                }
                int b = body[i];
                img.setRGB(w + x, y, b < 0 ? (o >= 0 ? 0x404040 : 0)
                        : java.awt.Color.HSBtoRGB((b * 0.618034f) % 1f, 0.8f, 1f) & 0xffffff);
            }
        }
        java.awt.Graphics2D gr = img.createGraphics();
        gr.setColor(java.awt.Color.RED);
        gr.drawString("counted " + a.measurement().chromosomes() + " clusters " + a.measurement().clusters()
                + "; truth " + s.truth().chromosomes() + " " + s.truth().grade() + " pairs "
                + s.truth().touchingPairs() + "+" + s.truth().overlappingPairs(), 6, 14);
        gr.dispose();
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(img, "png", file.toFile());
    }

    private static void report(String spec, List<Row> rows) {
        System.out.printf(Locale.ROOT, "domain %s, %d images%n", spec, rows.size());
        if (Boolean.getBoolean("rows")) {
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                System.out.printf(Locale.ROOT, "  #%d %s true=%d pairs=%d+%d measured=%d clusters=%d %s%n", i,
                        r.truth().grade(), r.truth().chromosomes(), r.truth().touchingPairs(),
                        r.truth().overlappingPairs(), r.measured().chromosomes(), r.measured().clusters(),
                        r.measured().modality());
            }
        }
        System.out.printf(Locale.ROOT, "  %-5s %4s %7s %8s %7s %6s %9s %9s %11s%n", "grade", "n", "exact", "within2",
                "mae", "bias", "clust0", "clust_mae", "46_no_clust");
        double[] clean = new double[Grade.values().length];
        for (Grade g : Grade.values()) {
            List<Row> of = rows.stream().filter(r -> r.truth().grade() == g).toList();
            if (of.isEmpty()) {
                continue;
            }
            int exact = 0;
            int within2 = 0;
            int clust0 = 0;
            int looksGood = 0;
            double abs = 0;
            double bias = 0;
            double clusterAbs = 0;
            for (Row r : of) {
                int err = r.measured().chromosomes() - r.truth().chromosomes();
                exact += err == 0 ? 1 : 0;
                within2 += Math.abs(err) <= 2 ? 1 : 0;
                abs += Math.abs(err);
                bias += err;
                int pairs = r.truth().touchingPairs() + r.truth().overlappingPairs();
                clusterAbs += Math.abs(r.measured().clusters() - pairs);
                clust0 += r.measured().clusters() == 0 ? 1 : 0;
                looksGood += r.measured().chromosomes() == 46 && r.measured().clusters() == 0 ? 1 : 0;
            }
            double k = of.size();
            clean[g.ordinal()] = looksGood / k;
            System.out.printf(Locale.ROOT, "  %-5s %4d %7.3f %8.3f %7.2f %+6.2f %9.3f %9.2f %11.3f%n", g, of.size(),
                    exact / k, within2 / k, abs / k, bias / k, clust0 / k, clusterAbs / k, looksGood / k);
        }
        System.out.printf(Locale.ROOT, "RESULT domain=%s good_exact46_noclusters=%.3f fair_exact46_noclusters=%.3f%n",
                spec, clean[Grade.GOOD.ordinal()], clean[Grade.FAIR.ordinal()]);
    }
}
