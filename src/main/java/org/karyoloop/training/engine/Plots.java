package org.karyoloop.training.engine;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * PNG plots for operators: the GOOD precision-recall curve with the calibrated operating point, the
 * confusion matrix, and line charts (metrics versus labels). Plain java.awt, headless. Stateless;
 * thread-safe.
 */
public final class Plots {

    private static final int W = 480;
    private static final int H = 400;
    private static final int M = 50;

    private Plots() {
    }

    /** GOOD precision (y) versus recall (x) over all thresholds on P(GOOD), the chosen point marked. */
    public static byte[] precisionRecall(float[][] probabilities, int[] labels, double chosenRecall,
            double chosenPrecision, double target) {
        Integer[] order = new Integer[labels.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i][SpreadTrainer.GOOD]));
        long positives = Arrays.stream(labels).filter(l -> l == SpreadTrainer.GOOD).count();
        double[] xs = new double[labels.length];
        double[] ys = new double[labels.length];
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            tp += labels[order[k]] == SpreadTrainer.GOOD ? 1 : 0;
            xs[k] = positives == 0 ? 0 : (double) tp / positives;
            ys[k] = (double) tp / (k + 1);
        }
        Series curve = new Series("precision-recall", xs, ys, new Color(30, 90, 200));
        Series targetLine = new Series(String.format(Locale.ROOT, "target %.2f", target), new double[] {0, 1},
                new double[] {target, target}, Color.GRAY);
        Series point = new Series(String.format(Locale.ROOT, "operating point P=%.2f R=%.2f", chosenPrecision,
                chosenRecall), new double[] {chosenRecall}, new double[] {chosenPrecision}, Color.RED);
        return lines("GOOD precision vs recall (validation)", "recall", "precision", 1, List.of(curve, targetLine,
                point));
    }

    /** A named series of points. */
    public record Series(String name, double[] x, double[] y, Color color) {
    }

    /** A line chart with x from 0 to {@code xMax} and y from 0 to 1; one-point series are drawn as dots. */
    public static byte[] lines(String title, String xLabel, String yLabel, double xMax, List<Series> series) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        g.setColor(Color.BLACK);
        g.drawRect(M, M, W - 2 * M, H - 2 * M);
        g.drawString(xLabel + " (0.." + fmt(xMax) + ")", W / 2 - 40, H - 15);
        g.drawString(yLabel + " (0..1)", 5, M - 8);
        for (int t = 0; t <= 10; t += 2) {
            int y = py(t / 10.0);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(M + 1, y, W - M - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(fmt(t / 10.0), 15, y + 4);
        }
        int legend = M + 15;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < s.x().length; i++) {
                int x = px(s.x()[i] / xMax);
                int y = py(s.y()[i]);
                if (s.x().length == 1) {
                    g.fillOval(x - 5, y - 5, 10, 10);
                } else if (i > 0) {
                    g.drawLine(px(s.x()[i - 1] / xMax), py(s.y()[i - 1]), x, y);
                }
            }
            g.drawString(s.name(), W - M - 230, legend);
            legend += 15;
        }
        return png(img);
    }

    /** The confusion matrix, rows true grade, columns predicted grade, shaded by row share. */
    public static byte[] confusion(int[][] counts, String title) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title);
        int n = counts.length;
        int cell = (Math.min(W, H) - 2 * M - 20) / n;
        int x0 = M + 60;
        int y0 = M + 20;
        g.setColor(Color.BLACK);
        g.drawString("predicted →", x0, y0 - 22);
        for (int r = 0; r < n; r++) {
            int rowTotal = Arrays.stream(counts[r]).sum();
            g.setColor(Color.BLACK);
            g.drawString(SpreadTrainer.CLASSES.get(r), x0 - 50, y0 + r * cell + cell / 2);
            g.drawString(SpreadTrainer.CLASSES.get(r), x0 + r * cell + cell / 3, y0 - 6);
            for (int c = 0; c < n; c++) {
                double share = rowTotal == 0 ? 0 : (double) counts[r][c] / rowTotal;
                int shade = (int) (255 - 170 * share);
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(x0 + c * cell, y0 + r * cell, cell, cell);
                g.setColor(Color.BLACK);
                g.drawRect(x0 + c * cell, y0 + r * cell, cell, cell);
                g.drawString(Integer.toString(counts[r][c]), x0 + c * cell + cell / 3, y0 + r * cell + cell / 2);
            }
        }
        return png(img);
    }

    private static Graphics2D canvas(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, M, 20);
        return g;
    }

    private static int px(double fraction) {
        return M + (int) Math.round(fraction * (W - 2 * M));
    }

    private static int py(double value) {
        return H - M - (int) Math.round(value * (H - 2 * M));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static byte[] png(BufferedImage img) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
