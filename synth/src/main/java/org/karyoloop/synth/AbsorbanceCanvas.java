package org.karyoloop.synth;

import java.util.Arrays;

/**
 * The field's stain per pixel (bright-field: absorbance, light through the slide falls off as
 * exp(-absorbance); fluorescence: dye density, emitted light grows with it), drawn object by
 * object, with the masks the truth is measured from.
 * Not thread-safe: one per rendering thread, reused between images.
 */
final class AbsorbanceCanvas {

    /** Absorbance of the darkest band at stain 1. */
    static final double PEAK_ABSORBANCE = 1.35;
    private static final int RADIAL_SAMPLES = 256;
    private static final float[] BLOOD_CELL = radialProfile(0.55, 0.45);
    private static final float[] GHOST_CELL = radialProfile(0.15, 0.85);
    private static final int CROSS_SAMPLES = 64;
    private static final float[] CROSS_SECTION = crossSection();

    final int width;
    final int height;
    final float[] absorbance;
    /** 1 where a nucleus or blood cell hides what lies under it. */
    final byte[] cover;
    private float[] distances = new float[4096];
    private float[] positions = new float[4096];
    private float[] halfWidths = new float[4096];

    AbsorbanceCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        absorbance = new float[width * height];
        cover = new byte[width * height];
    }

    void clear() {
        Arrays.fill(absorbance, 0f);
        Arrays.fill(cover, (byte) 0);
    }

    /** Draws a banded chromosome with the given stain and full band contrast and returns its mask. */
    ChromosomeMask draw(Chromosome c, double stain) {
        return draw(c, stain, 1);
    }

    /** Draws a banded chromosome with the given stain and band contrast (1 full, 0 none) and returns its mask. */
    ChromosomeMask draw(Chromosome c, double stain, double bandContrast) {
        int x0 = Math.max(0, (int) Math.floor(c.minX) - 1);
        int y0 = Math.max(0, (int) Math.floor(c.minY) - 1);
        int x1 = Math.min(width - 1, (int) Math.ceil(c.maxX) + 1);
        int y1 = Math.min(height - 1, (int) Math.ceil(c.maxY) + 1);
        int bw = Math.max(1, x1 - x0 + 1);
        int bh = Math.max(1, y1 - y0 + 1);
        nearestCentreLine(c, x0, y0, bw, bh);
        float[] bands = bandLut(c);
        if (bandContrast != 1) {
            for (int k = 0; k < bands.length; k++) {
                bands[k] = (float) (1 - bandContrast * (1 - bands[k]));
            }
        }
        int last = bands.length - 1;
        byte[] bits = new byte[bw * bh];
        int area = 0;
        float peak = (float) (stain * PEAK_ABSORBANCE);
        for (int ly = 0; ly < bh; ly++) {
            int row = (y0 + ly) * width + x0;
            for (int lx = 0; lx < bw; lx++) {
                int i = ly * bw + lx;
                float h = halfWidths[i];
                float d = (float) Math.sqrt(distances[i]);
                float coverage = h - d + 0.5f;
                if (coverage <= 0) {
                    continue;
                }
                coverage = Math.min(1f, coverage);
                float r = Math.min(1f, d / (h + 0.5f));
                float cross = CROSS_SECTION[(int) (r * (CROSS_SAMPLES - 1))];
                float band = bands[Math.min(last, (int) (positions[i] * last + 0.5f))];
                absorbance[row + lx] += peak * band * cross * coverage;
                if (d < h) {
                    bits[i] = 1;
                    area++;
                }
            }
        }
        return new ChromosomeMask(x0, y0, bw, bh, bits, area);
    }

    /** Fills the box buffers with squared distance to, position along, and half-width at the nearest centre-line point. */
    private void nearestCentreLine(Chromosome c, int x0, int y0, int bw, int bh) {
        int n = bw * bh;
        if (distances.length < n) {
            distances = new float[n];
            positions = new float[n];
            halfWidths = new float[n];
        }
        Arrays.fill(distances, 0, n, Float.MAX_VALUE);
        double reach = c.maxHalfWidth + 1.5;
        for (int s = 0; s + 1 < c.xs.length; s++) {
            double ax = c.xs[s];
            double ay = c.ys[s];
            double dx = c.xs[s + 1] - ax;
            double dy = c.ys[s + 1] - ay;
            double inverse = 1 / Math.max(1e-9, dx * dx + dy * dy);
            int sx0 = Math.max(x0, (int) Math.floor(Math.min(ax, ax + dx) - reach));
            int sx1 = Math.min(x0 + bw - 1, (int) Math.ceil(Math.max(ax, ax + dx) + reach));
            int sy0 = Math.max(y0, (int) Math.floor(Math.min(ay, ay + dy) - reach));
            int sy1 = Math.min(y0 + bh - 1, (int) Math.ceil(Math.max(ay, ay + dy) + reach));
            float t0 = (float) c.ts[s];
            float dt = (float) (c.ts[s + 1] - c.ts[s]);
            float h0 = (float) c.halfWidths[s];
            float dh = (float) (c.halfWidths[s + 1] - c.halfWidths[s]);
            for (int y = sy0; y <= sy1; y++) {
                double py = y + 0.5 - ay;
                int row = (y - y0) * bw - x0;
                for (int x = sx0; x <= sx1; x++) {
                    double px = x + 0.5 - ax;
                    double u = (px * dx + py * dy) * inverse;
                    u = u < 0 ? 0 : (u > 1 ? 1 : u);
                    double qx = px - u * dx;
                    double qy = py - u * dy;
                    float d2 = (float) (qx * qx + qy * qy);
                    int i = row + x;
                    if (d2 < distances[i]) {
                        distances[i] = d2;
                        positions[i] = t0 + (float) u * dt;
                        halfWidths[i] = h0 + (float) u * dh;
                    }
                }
            }
        }
    }

    /** The type's band profile averaged over each pixel of this chromosome's length, so short ones blend bands. */
    private static float[] bandLut(Chromosome c) {
        float[] profile = Karyotype.profile(c.type);
        int samples = Math.max(4, Math.min(profile.length, (int) Math.ceil(c.length)));
        float[] lut = new float[samples];
        for (int k = 0; k < samples; k++) {
            int from = k * profile.length / samples;
            int to = Math.max(from + 1, (k + 1) * profile.length / samples);
            float sum = 0;
            for (int j = from; j < to; j++) {
                sum += profile[j];
            }
            lut[k] = sum / (to - from);
        }
        return lut;
    }

    /** Draws a nucleus, blood cell or speck of debris. */
    void draw(Cell cell) {
        draw(cell, 1);
    }

    /** Draws a nucleus, blood cell or speck of debris with its stain multiplied by {@code weight}. */
    void draw(Cell cell, double weight) {
        double reach = cell.reach() + 1;
        int x0 = Math.max(0, (int) Math.floor(cell.x() - reach));
        int y0 = Math.max(0, (int) Math.floor(cell.y() - reach));
        int x1 = Math.min(width - 1, (int) Math.ceil(cell.x() + reach));
        int y1 = Math.min(height - 1, (int) Math.ceil(cell.y() + reach));
        if (x1 < x0 || y1 < y0) {
            return;
        }
        double cos = StrictMath.cos(cell.angle());
        double sin = StrictMath.sin(cell.angle());
        double radius = 0.5 * (cell.rx() + cell.ry());
        boolean nucleus = cell.kind() == Cell.Kind.NUCLEUS;
        int bw = x1 - x0 + 1;
        int bh = y1 - y0 + 1;
        ValueNoise outline = nucleus ? new ValueNoise(x0, y0, bw, bh, radius / 2, cell.seed()) : null;
        ValueNoise clumps = nucleus ? new ValueNoise(x0, y0, bw, bh, Math.max(2, radius / 5), cell.seed() + 1) : null;
        ValueNoise grain = nucleus ? new ValueNoise(x0, y0, bw, bh, Math.max(1.5, radius / 25), cell.seed() + 2) : null;
        float[] radial = cell.kind() == Cell.Kind.BLOOD_CELL ? BLOOD_CELL : GHOST_CELL;
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cell.y();
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cell.x();
                double u = (dx * cos + dy * sin) / cell.rx();
                double v = (-dx * sin + dy * cos) / cell.ry();
                double rho = Math.sqrt(u * u + v * v);
                double edge = 1;
                if (nucleus) {
                    edge = 1 + 0.06 * outline.at(x, y);
                }
                double coverage = (edge - rho) * radius + 0.5;
                if (coverage <= 0) {
                    continue;
                }
                coverage = Math.min(1, coverage);
                double a;
                if (nucleus) {
                    double inner = Math.min(1, rho / edge);
                    a = cell.absorbance() * (0.85 + 0.12 * clumps.at(x, y) + 0.1 * grain.at(x, y))
                            * (0.75 + 0.25 * Math.sqrt(1 - inner * inner));
                } else if (cell.kind() == Cell.Kind.DEBRIS) {
                    a = cell.absorbance();
                } else {
                    a = cell.absorbance() * radial[Math.min(RADIAL_SAMPLES - 1, (int) (rho * (RADIAL_SAMPLES - 1)))];
                }
                absorbance[row + x] += (float) (a * weight * coverage);
                if (cell.covers() && coverage > 0.5) {
                    cover[row + x] = 1;
                }
            }
        }
    }

    /** Stain across a chromosome (0 centre line, 1 edge): two round sister chromatids with a shallow groove between. */
    private static float[] crossSection() {
        float[] profile = new float[CROSS_SAMPLES];
        for (int i = 0; i < CROSS_SAMPLES; i++) {
            double r = i / (CROSS_SAMPLES - 1.0);
            double whole = Math.sqrt(Math.max(0, 1 - r * r));
            double chromatid = Math.sqrt(Math.max(0, 1 - (2 * r - 1) * (2 * r - 1)));
            profile[i] = (float) (0.3 + 0.7 * (0.5 * whole + 0.5 * chromatid));
        }
        return profile;
    }

    /** Absorbance against radius (0 centre, 1 rim) of a biconcave disc: a pale centre and a darker rim. */
    private static float[] radialProfile(double centre, double rim) {
        float[] profile = new float[RADIAL_SAMPLES];
        for (int i = 0; i < RADIAL_SAMPLES; i++) {
            double rho = i / (RADIAL_SAMPLES - 1.0);
            double ring = StrictMath.exp(-StrictMath.pow((rho - 0.83) / 0.13, 2));
            profile[i] = (float) (centre + rim * ring);
        }
        return profile;
    }
}
