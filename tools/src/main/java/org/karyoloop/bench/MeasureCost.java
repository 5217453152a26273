package org.karyoloop.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.ml.spread.Census;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.ml.spread.ModalityDetector;
import org.karyoloop.ml.spread.ObjectCounter;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.ml.spread.SpreadObjects;
import org.karyoloop.ml.spread.StainField;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;

/**
 * What measuring a spread ({@code ml.spread.SpreadMeter}) costs on one thread, stage by stage, and a digest of
 * every result so that a faster measurement can be shown to give the same bits. Images: synthetic spreads of the
 * generator's bright-field ({@code new}) and fluorescence domains at SIZE x SIZE, and the first real ADIR M-FISH
 * cells (645x517) where ../shared/testdata is present. Warm-up passes first, then the mean per image over
 * {@code rounds} passes: CPU milliseconds of this thread per stage (so that other work on a shared machine does not
 * count) and bytes allocated per image; for the whole measurement also the process's CPU (the steps a measurement
 * offers to another core, and GC, included: on a quiet machine the figure to compare) and the wall clock. Run with
 * {@code java -cp ... org.karyoloop.bench.MeasureCost [images=8] [rounds=3] [size=1024] [real=6]}.
 */
public final class MeasureCost {

    private MeasureCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        int real = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        List<DecodedImage> synthetic = new ArrayList<>();
        synthetic.addAll(generate(Domain.newMicroscopes(), n / 2, size, 71));
        synthetic.addAll(generate(Domain.fluorescence(), n - n / 2, size, 72));
        List<DecodedImage> cells = realCells(real);
        report("synthetic " + size + "x" + size + " (bright-field + fluorescence)", synthetic, rounds);
        if (!cells.isEmpty()) {
            report("real ADIR cells 645x517", cells, rounds);
        }
    }

    private static void report(String title, List<DecodedImage> images, int rounds) throws Exception {
        String digest = digest(images);
        for (int warm = 0; warm < 2; warm++) {
            stages(images);
        }
        double[] sum = new double[8];
        for (int r = 0; r < rounds; r++) {
            double[] s = stages(images);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += s[i];
            }
        }
        double per = (double) rounds * images.size();
        System.out.printf(Locale.ROOT, "%s, %d images, %d rounds:%n", title, images.size(), rounds);
        String[] names = {"modality", "stain field", "objects", "census", "whole measure", "allocated MB (measure)",
            "whole, every thread", "whole, wall clock"};
        String[] units = {" CPU ms/image", " CPU ms/image", " CPU ms/image", " CPU ms/image", " CPU ms/image", "",
            " CPU ms/image (the process: steps on another core and GC included)", " ms/image"};
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "  %-24s %8.2f%s%n", names[i], sum[i] / per, units[i]);
        }
        System.out.println("  results digest " + digest);
        System.out.printf(Locale.ROOT, "RESULT measure_ms=%.1f process_cpu_ms=%.1f wall_ms=%.1f digest=%s images=%d%n",
                sum[4] / per, sum[6] / per, sum[7] / per, digest.substring(0, 16), images.size());
    }

    /** Per stage the summed CPU milliseconds over {@code images}; the whole measurement, and its allocation in MB. */
    private static double[] stages(List<DecodedImage> images) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        double[] s = new double[8];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        long sink = 0;
        for (DecodedImage image : images) {
            long t0 = threads.getCurrentThreadCpuTime();
            Modality m = ModalityDetector.detect(image);
            long t1 = threads.getCurrentThreadCpuTime();
            StainField field = StainField.of(image, m);
            long t2 = threads.getCurrentThreadCpuTime();
            SpreadObjects objects = SpreadObjects.of(field);
            long t3 = threads.getCurrentThreadCpuTime();
            Census census = Census.of(objects, ObjectCounter.standard(m));
            long t4 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getThreadAllocatedBytes(self);
            long t5 = threads.getCurrentThreadCpuTime();
            long p5 = os.getProcessCpuTime();
            long w5 = System.nanoTime();
            SpreadMeasurement whole = SpreadMeter.measure(image);
            long w6 = System.nanoTime();
            long p6 = os.getProcessCpuTime();
            long t6 = threads.getCurrentThreadCpuTime();
            long a1 = threads.getThreadAllocatedBytes(self);
            s[0] += (t1 - t0) / 1e6;
            s[1] += (t2 - t1) / 1e6;
            s[2] += (t3 - t2) / 1e6;
            s[3] += (t4 - t3) / 1e6;
            s[4] += (t6 - t5) / 1e6;
            s[5] += (a1 - a0) / 1e6;
            s[6] += (p6 - p5) / 1e6;
            s[7] += (w6 - w5) / 1e6;
            sink += census.chromosomes() + whole.chromosomes();
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return s;
    }

    /** SHA-256 over every image's modality, counts, verdict and the bits of its 26 measurements. */
    static String digest(List<DecodedImage> images) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (DecodedImage image : images) {
            SpreadMeasurement m = SpreadMeter.measure(image);
            ByteBuffer b = ByteBuffer.allocate(16 + 4 * m.features().length);
            b.putInt(m.modality().ordinal()).putInt(m.chromosomes()).putInt(m.clusters()).putInt(m.spread() ? 1 : 0);
            for (float f : m.features()) {
                b.putInt(Float.floatToIntBits(f));
            }
            md.update(b.array());
            md.update(String.valueOf(m.reason()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<DecodedImage> generate(Domain domain, int n, int size, long seed) {
        SpreadGenerator generator = new SpreadGenerator(
                GeneratorConfig.defaults().withSize(size, size).withDomain(domain).withSeed(seed));
        List<DecodedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SyntheticImage s = generator.generate(i);
            out.add(new DecodedImage(ImageFormat.PNG, s.width(), s.height(), 8, 1, s.pixels()));
        }
        return out;
    }

    private static List<DecodedImage> realCells(int n) throws Exception {
        Path cases = Path.of(System.getProperty("cases", "../shared/testdata/adir-mfish/cases"));
        if (n <= 0 || !Files.isDirectory(cases)) {
            return List.of();
        }
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(64L << 20, 64L << 20));
        List<DecodedImage> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(cases)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith("D.tif")).sorted().limit(n).toList()) {
                out.add(decoder.decode(Files.readAllBytes(p)));
            }
        }
        return out;
    }
}
