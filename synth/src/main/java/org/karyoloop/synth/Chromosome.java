package org.karyoloop.synth;

import java.util.SplittableRandom;

/**
 * One chromosome placed in the field: a bent centre line with a half-width at every vertex
 * (narrow at the centromere, rounded at the ends) and the band pattern of its type.
 */
final class Chromosome {

    final int type;
    final boolean flipped;
    final double length;
    final double width;
    final double[] xs;
    final double[] ys;
    /** Position along the chromosome (0 = p-arm end) of every vertex. */
    final double[] ts;
    final double[] halfWidths;
    final double minX;
    final double minY;
    final double maxX;
    final double maxY;
    final double maxHalfWidth;

    private Chromosome(int type, boolean flipped, double length, double width, double[] xs, double[] ys,
            double[] ts, double[] halfWidths) {
        this.type = type;
        this.flipped = flipped;
        this.length = length;
        this.width = width;
        this.xs = xs;
        this.ys = ys;
        this.ts = ts;
        this.halfWidths = halfWidths;
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        double h = 0;
        for (int i = 0; i < xs.length; i++) {
            x0 = Math.min(x0, xs[i]);
            y0 = Math.min(y0, ys[i]);
            x1 = Math.max(x1, xs[i]);
            y1 = Math.max(y1, ys[i]);
            h = Math.max(h, halfWidths[i]);
        }
        minX = x0 - h;
        minY = y0 - h;
        maxX = x1 + h;
        maxY = y1 + h;
        maxHalfWidth = h;
    }

    /** A new chromosome of a type, centred on the origin and lying along the x axis, with a random bend. */
    static Chromosome shape(int type, double length, double width, SplittableRandom random) {
        double step = Math.max(1.5, Math.min(0.5 * width, length / 4));
        int segments = Math.max(2, (int) Math.ceil(length / step));
        step = length / segments;
        double centromere = Karyotype.centromere(type);
        boolean flipped = random.nextBoolean();
        double curvature = 0.006 * random.nextGaussian();
        double bend = random.nextDouble() < 0.35 ? (random.nextDouble() - 0.5) * 1.8 : 0;
        int bendAt = (int) Math.round((flipped ? 1 - centromere : centromere) * segments);
        double[] xs = new double[segments + 1];
        double[] ys = new double[segments + 1];
        double[] ts = new double[segments + 1];
        double[] hs = new double[segments + 1];
        double angle = 0;
        for (int i = 1; i <= segments; i++) {
            angle += curvature * step + 0.03 * random.nextGaussian();
            if (i == bendAt || i == bendAt + 1) {
                angle += bend / 2;
            }
            xs[i] = xs[i - 1] + step * StrictMath.cos(angle);
            ys[i] = ys[i - 1] + step * StrictMath.sin(angle);
        }
        double cx = 0;
        double cy = 0;
        for (int i = 0; i <= segments; i++) {
            cx += xs[i];
            cy += ys[i];
        }
        cx /= segments + 1;
        cy /= segments + 1;
        double constriction = 0.45 * width / length;
        double wobble = 0;
        for (int i = 0; i <= segments; i++) {
            xs[i] -= cx;
            ys[i] -= cy;
            double t = (double) i / segments;
            ts[i] = flipped ? 1 - t : t;
            double fromCentromere = (ts[i] - centromere) / constriction;
            // The outline wobbles a little along the length.
            wobble = 0.7 * wobble + 0.3 * random.nextGaussian();
            hs[i] = 0.5 * width * (1 - 0.35 * StrictMath.exp(-fromCentromere * fromCentromere))
                    * (1 + 0.06 * wobble);
        }
        return new Chromosome(type, flipped, length, width, xs, ys, ts, hs);
    }

    /** This chromosome rotated by {@code angle} about its centre and moved to (x, y). */
    Chromosome placed(double x, double y, double angle) {
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        double cx = centreX();
        double cy = centreY();
        double[] nx = new double[xs.length];
        double[] ny = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - cx;
            double dy = ys[i] - cy;
            nx[i] = x + dx * cos - dy * sin;
            ny[i] = y + dx * sin + dy * cos;
        }
        return new Chromosome(type, flipped, length, width, nx, ny, ts, halfWidths);
    }

    double centreX() {
        return 0.5 * (minX + maxX);
    }

    double centreY() {
        return 0.5 * (minY + maxY);
    }

    /** Whether the whole chromosome lies at least {@code margin} pixels inside a w x h frame. */
    boolean inside(int w, int h, double margin) {
        return minX >= margin && minY >= margin && maxX <= w - margin && maxY <= h - margin;
    }

    /**
     * The gap between the outlines of two chromosomes in pixels, negative where they overlap; exact
     * enough to place touching pairs, conservative-free because half-widths are interpolated.
     */
    static double clearance(Chromosome a, Chromosome b, double enough) {
        double boxGap = Math.max(Math.max(a.minX - b.maxX, b.minX - a.maxX),
                Math.max(a.minY - b.maxY, b.minY - a.maxY));
        if (boxGap > enough) {
            return boxGap;
        }
        double best = Double.MAX_VALUE;
        double[] st = new double[3];
        for (int i = 0; i + 1 < a.xs.length; i++) {
            for (int j = 0; j + 1 < b.xs.length; j++) {
                Segments.closest(a.xs[i], a.ys[i], a.xs[i + 1], a.ys[i + 1],
                        b.xs[j], b.ys[j], b.xs[j + 1], b.ys[j + 1], st);
                double ha = a.halfWidths[i] + st[0] * (a.halfWidths[i + 1] - a.halfWidths[i]);
                double hb = b.halfWidths[j] + st[1] * (b.halfWidths[j + 1] - b.halfWidths[j]);
                best = Math.min(best, st[2] - ha - hb);
            }
        }
        return best;
    }

    /** Distance from a point to the centre line minus the local half-width (negative inside). */
    double gapTo(double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 1 < xs.length; i++) {
            double dx = xs[i + 1] - xs[i];
            double dy = ys[i + 1] - ys[i];
            double u = ((x - xs[i]) * dx + (y - ys[i]) * dy) / (dx * dx + dy * dy);
            u = Math.max(0, Math.min(1, u));
            double px = xs[i] + u * dx - x;
            double py = ys[i] + u * dy - y;
            double h = halfWidths[i] + u * (halfWidths[i + 1] - halfWidths[i]);
            best = Math.min(best, Math.sqrt(px * px + py * py) - h);
        }
        return best;
    }
}
