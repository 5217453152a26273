package org.karyoloop.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * PNG line charts for benchmark reports (a metric versus doctor labels). Plain java.awt, headless. Stateless;
 * thread-safe.
 */
public final class LinePlot {

    private static final int W = 480;
    private static final int H = 400;
    private static final int M = 50;

    private LinePlot() {
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
