package org.karyoloop.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;

/**
 * The realism report (bench/realism.sh): every measurement of {@link SpreadMeter} on the shared real cells and on
 * synthetic spreads of the same modality, the two-sample Kolmogorov–Smirnov statistic per measurement, a picture
 * of both distributions per measurement, a side-by-side sheet (real | synthetic), and the RESULT line.
 */
public final class RealismBench {

    private RealismBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions opt = BenchOptions.parse(args);
        Path cases = AdirStats.casesDir(opt.get("real"), "--real DIR");
        Domain domain = Domain.parse(opt.get("domain", "fluorescence"));
        int count = opt.integer("count", 240);
        int width = opt.integer("width", 645);
        int height = opt.integer("height", 517);
        long seed = opt.longInteger("seed", 21);
        Path out = Path.of(opt.get("out", "bench/out"));
        Files.createDirectories(out);

        List<Path> realFiles;
        try (Stream<Path> files = Files.walk(cases)) {
            realFiles = files.filter(p -> p.getFileName().toString().endsWith("D.tif")).sorted().toList();
        }
        List<float[]> real = new ArrayList<>();
        List<DecodedImage> realShown = new ArrayList<>();
        for (Path f : realFiles) {
            DecodedImage image = AdirStats.decode(f);
            real.add(SpreadMeter.measure(image).features());
            if (realShown.size() < 6 && real.size() % 19 == 1) {
                realShown.add(image);
            }
        }
        GeneratorConfig config = GeneratorConfig.defaults().withSize(width, height).withDomain(domain).withSeed(seed)
                .withImagesPerSlide(10);
        SpreadGenerator generator = new SpreadGenerator(config);
        List<float[]> synthetic = new ArrayList<>();
        List<DecodedImage> syntheticShown = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SyntheticImage s = generator.generate(i);
            DecodedImage image = new DecodedImage(ImageFormat.PNG, s.width(), s.height(), 8, 1, s.pixels());
            SpreadMeasurement m = SpreadMeter.measure(image);
            synthetic.add(m.features());
            if (syntheticShown.size() < 6 && i % 7 == 0) {
                syntheticShown.add(image);
            }
        }
        System.out.printf(Locale.ROOT,
                "real: %d cells from %s; synthetic: %d spreads of domain %s (%s) at %dx%d, seed %d%n",
                real.size(), cases, synthetic.size(), domain.name(), domain.modality().wire(), width, height, seed);
        System.out.printf(Locale.ROOT, "%-26s %10s %10s %10s %10s %6s%n", "measurement", "real p50", "synth p50",
                "real p10-90", "synth p10-90", "KS");
        int n = SpreadMeter.FEATURES;
        double[] ks = new double[n];
        for (int k = 0; k < n; k++) {
            double[] a = column(real, k);
            double[] b = column(synthetic, k);
            ks[k] = ks(a, b);
            System.out.printf(Locale.ROOT, "%-26s %10.3f %10.3f %5.2f-%-5.2f %5.2f-%-5.2f %6.3f%n",
                    SpreadMeter.NAMES.get(k), q(a, 0.5), q(b, 0.5), q(a, 0.1), q(a, 0.9), q(b, 0.1), q(b, 0.9), ks[k]);
        }
        ImageIO.write(distributions(real, synthetic, ks), "png", out.resolve("realism-distributions.png").toFile());
        ImageIO.write(sideBySide(realShown, syntheticShown), "png", out.resolve("realism-sheet.png").toFile());
        System.out.println(
                "pictures: " + out.resolve("realism-distributions.png") + ", " + out.resolve("realism-sheet.png"));
        double[] sorted = ks.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
        System.out.printf(Locale.ROOT, "RESULT realism_ks_median=%.3f realism_ks_max=%.3f modality=%s%n", median,
                sorted[sorted.length - 1], domain.modality().wire());
    }

    /** The two-sample Kolmogorov–Smirnov statistic: the largest gap between the two empirical distribution functions. */
    static double ks(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return d;
    }

    static double[] column(List<float[]> rows, int k) {
        double[] c = new double[rows.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = rows.get(i)[k];
        }
        return c;
    }

    static double q(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[(int) Math.round(p * (s.length - 1))];
    }

    /** One panel per measurement: both empirical distribution functions (real orange, synthetic blue) and the KS. */
    static BufferedImage distributions(List<float[]> real, List<float[]> synthetic, double[] ks) {
        int cols = 5;
        int pw = 260;
        int ph = 170;
        int rows = (ks.length + cols - 1) / cols;
        BufferedImage img = new BufferedImage(cols * pw, rows * ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k < ks.length; k++) {
            int x0 = (k % cols) * pw + 10;
            int y0 = (k / cols) * ph + 20;
            int w = pw - 20;
            int h = ph - 40;
            double[] a = column(real, k);
            double[] b = column(synthetic, k);
            double lo = Math.min(q(a, 0), q(b, 0));
            double hi = Math.max(q(a, 1), q(b, 1));
            if (hi <= lo) {
                hi = lo + 1;
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x0, y0, w, h);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s  KS %.2f", SpreadMeter.NAMES.get(k), ks[k]), x0, y0 - 5);
            g.drawString(String.format(Locale.ROOT, "%.3g", lo), x0, y0 + h + 13);
            g.drawString(String.format(Locale.ROOT, "%.3g", hi), x0 + w - 40, y0 + h + 13);
            g.setStroke(new BasicStroke(1.6f));
            cdf(g, a, lo, hi, x0, y0, w, h, new Color(230, 120, 20));
            cdf(g, b, lo, hi, x0, y0, w, h, new Color(30, 90, 200));
        }
        g.setColor(Color.BLACK);
        g.dispose();
        return img;
    }

    private static void cdf(Graphics2D g, double[] v, double lo, double hi, int x0, int y0, int w, int h, Color c) {
        double[] s = v.clone();
        Arrays.sort(s);
        g.setColor(c);
        int px = x0;
        int py = y0 + h;
        for (int i = 0; i < s.length; i++) {
            int x = x0 + (int) Math.round((s[i] - lo) / (hi - lo) * w);
            int y = y0 + h - (int) Math.round((i + 1.0) / s.length * h);
            g.drawLine(px, py, x, py);
            g.drawLine(x, py, x, y);
            px = x;
            py = y;
        }
        g.drawLine(px, py, x0 + w, py);
    }

    /** Real images on the left, synthetic on the right, each row one of each, at half size. */
    static BufferedImage sideBySide(List<DecodedImage> real, List<DecodedImage> synthetic) {
        int rows = Math.min(real.size(), synthetic.size());
        int tw = 323;
        int th = 259;
        BufferedImage img = new BufferedImage(2 * tw + 6, rows * (th + 4) + 18, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.WHITE);
        g.drawString("real (shared ADIR DAPI cells)", 4, 13);
        g.drawString("synthetic", tw + 10, 13);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int r = 0; r < rows; r++) {
            g.drawImage(gray(real.get(r)), 0, 18 + r * (th + 4), tw, th, null);
            g.drawImage(gray(synthetic.get(r)), tw + 6, 18 + r * (th + 4), tw, th, null);
        }
        g.dispose();
        return img;
    }

    private static BufferedImage gray(DecodedImage image) {
        BufferedImage b = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        b.getRaster().setDataElements(0, 0, image.width(), image.height(), image.gray());
        return b;
    }
}
