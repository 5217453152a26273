package org.karyoloop.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.ml.spread.LabelTruth;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.ml.spread.ObjectCounter;
import org.karyoloop.ml.spread.ObjectCounterFit;
import org.karyoloop.ml.spread.SpreadAnalysis;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.ml.spread.SpreadObjects;
import org.karyoloop.ml.spread.StainField;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.Grade;
import org.karyoloop.synth.LabelledSpread;
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
        List<double[]> features = Collections.synchronizedList(new ArrayList<>());
        List<Integer> truth = Collections.synchronizedList(new ArrayList<>());
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
                        LabelledSpread ls = generators.get().generateLabelled(index);
                        SyntheticImage s = ls.image();
                        DecodedImage image = new DecodedImage(ImageFormat.PNG, s.width(), s.height(), 8, 1,
                                s.pixels());
                        Modality m = SpreadMeter.detect(image);
                        if (m != Modality.BRIGHTFIELD) {
                            return;
                        }
                        SpreadObjects objects = SpreadObjects
                                .of(StainField.of(image, m));
                        int[] per = RealBench.truthPerObject(objects.bodyLabel(), objects.bodies(),
                                LabelTruth.of(ls.labels(), s.width(), s.height()));
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
        ObjectCounter counter = ObjectCounterFit.fit(features, truth);
        Path resource = Path.of("src/main/resources/org/karyoloop/ml/spread/"
                + ObjectCounter.BRIGHTFIELD_RESOURCE);
        try (Writer w = Files.newBufferedWriter(resource)) {
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
                            Path.of(dump, domain.name() + "-" + index + ".png"));
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

    private static void picture(SyntheticImage s, SpreadAnalysis a, Path file) throws IOException {
        int[] body = a.objects().bodyLabel();
        int[] label = a.objects().label();
        BufferedImage img = CountedPicture.draw(a, i -> s.pixels()[i] & 0xFF,
                i -> body[i] < 0 ? (label[i] >= 0 ? 0x404040 : 0) : CountedPicture.hue(body[i]));
        Graphics2D gr = img.createGraphics();
        gr.setColor(Color.RED);
        gr.drawString("counted " + a.measurement().chromosomes() + " clusters " + a.measurement().clusters()
                + "; truth " + s.truth().chromosomes() + " " + s.truth().grade() + " pairs "
                + s.truth().touchingPairs() + "+" + s.truth().overlappingPairs(), 6, 14);
        gr.dispose();
        CountedPicture.write(img, file);
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
