package org.karyoloop.ml.spread;

import java.util.Arrays;
import org.karyoloop.imaging.BoxAverage;
import org.karyoloop.imaging.DecodedImage;

/**
 * How much stain each pixel of an image holds, whatever the modality: 0 on the background, growing with the
 * chromosome's brightness under fluorescence or its darkness under bright-field, relative to the local background
 * (a slowly varying field, so uneven illumination and out-of-focus halo cancel) and in units of the image's own
 * chromosome signal (so exposure and stain strength cancel). Large images are box-averaged to at most
 * {@value #MAX_SIDE} pixels a side first. Pure Java; thread-safe (immutable once built).
 *
 * @param modality how the image shows its chromosomes
 * @param width   width of the field (after box-averaging)
 * @param height  height of the field
 * @param factor  the box-averaging factor from the image to the field
 * @param stain   per pixel, stain relative to the chromosome signal: 0 = background, about 1 = a chromosome's core
 * @param noise   the background's noise (robust standard deviation) in the same units
 * @param gray    the box-averaged image, dark on light (fluorescence inverted), 0..1
 * @param background the local background level of {@code gray}, 0..1, per pixel
 * @param signal  the chromosome signal in gray levels (0..1) that {@code stain} is relative to
 */
public record StainField(Modality modality, int width, int height, int factor, float[] stain, float noise, float[] gray,
        float[] background, float signal) {

    /** Longest side measured at full detail; larger images are box-averaged down to it. */
    public static final int MAX_SIDE = 1400;
    /**
     * Least background noise, in gray levels (0..1): a background clipped at black or white shows no noise at all,
     * and 8-bit quantisation alone is worth a gray level.
     */
    static final float MIN_NOISE = 1.5f / 255f;
    /** Tiles per side of the background grid (the background is a low percentile per tile, smoothed). */
    static final int TILES = 12;
    /** Percentile of each tile taken as its background: low enough that a dense spread does not lift it. */
    static final double TILE_PERCENTILE = 0.2;
    /** Percentile of the pixels clearly above the noise taken as the chromosome signal (chromosome cores). */
    static final double SIGNAL_PERCENTILE = 0.9;

    /** The stain field of {@code image} shown in {@code modality}. */
    public static StainField of(DecodedImage image, Modality modality) {
        int factor = Math.max(1, (Math.max(image.width(), image.height()) + MAX_SIDE - 1) / MAX_SIDE);
        int w = (image.width() + factor - 1) / factor;
        int h = (image.height() + factor - 1) / factor;
        float[] gray = BoxAverage.of(image, factor, w, h);
        if (modality.brightOnDark()) {
            for (int i = 0; i < gray.length; i++) {
                gray[i] = 1f - gray[i];
            }
        }
        float[] bg = background(gray, w, h);
        float[] raw = new float[gray.length];
        for (int i = 0; i < gray.length; i++) {
            raw[i] = bg[i] - gray[i];
        }
        int[] scratch = new int[raw.length];
        float[] centre = centreAndNoise(raw, scratch);
        for (int i = 0; i < raw.length; i++) {
            raw[i] -= centre[0];
        }
        float noise = centre[1];
        float signal = signal(raw, noise, scratch);
        float[] stain = raw; // the differences are not kept: stain takes their place
        for (int i = 0; i < raw.length; i++) {
            stain[i] = raw[i] / signal;
        }
        return new StainField(modality, w, h, factor, stain, noise / signal, gray, bg, signal);
    }

    /** The background: per tile a low percentile, the tiles' grid median-filtered, interpolated bilinearly. */
    static float[] background(float[] v, int w, int h) {
        int tiles = TILES;
        int tw = (w + tiles - 1) / tiles;
        int th = (h + tiles - 1) / tiles;
        int gx = (w + tw - 1) / tw;
        int gy = (h + th - 1) / th;
        float[] grid = new float[gx * gy];
        int[] buf = new int[tw * th];
        int[] digits = new int[2048];
        for (int ty = 0; ty < gy; ty++) {
            for (int tx = 0; tx < gx; tx++) {
                int k = 0;
                int x1 = Math.min(w, (tx + 1) * tw);
                for (int y = ty * th; y < Math.min(h, (ty + 1) * th); y++) {
                    for (int i = y * w + tx * tw, end = y * w + x1; i < end; i++) {
                        buf[k++] = OrderStatistics.key(v[i]);
                    }
                }
                // dark on light: the background is the light side, a high percentile of the tile
                int rank = Math.min(k - 1, (int) ((1 - TILE_PERCENTILE) * (k - 1)));
                grid[ty * gx + tx] = OrderStatistics.value(OrderStatistics.selectByDigits(buf, k, rank, digits));
            }
        }
        float[] smooth = new float[grid.length];
        float[] nb = new float[9];
        for (int ty = 0; ty < gy; ty++) {
            for (int tx = 0; tx < gx; tx++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = ty + dy;
                        int xx = tx + dx;
                        if (yy >= 0 && yy < gy && xx >= 0 && xx < gx) {
                            nb[k++] = grid[yy * gx + xx];
                        }
                    }
                }
                Arrays.sort(nb, 0, k);
                smooth[ty * gx + tx] = nb[k / 2];
            }
        }
        // the columns' grid cells and weights are the same in every row
        int[] left = new int[w];
        int[] right = new int[w];
        double[] weight = new double[w];
        for (int x = 0; x < w; x++) {
            double fx = Math.min(gx - 1, Math.max(0, (x + 0.5) / tw - 0.5));
            left[x] = (int) fx;
            right[x] = Math.min(gx - 1, left[x] + 1);
            weight[x] = fx - left[x];
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double fy = Math.min(gy - 1, Math.max(0, (y + 0.5) / th - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(gy - 1, y0 + 1);
            double ay = fy - y0;
            for (int x = 0; x < w; x++) {
                int x0 = left[x];
                int x1 = right[x];
                double ax = weight[x];
                double top = smooth[y0 * gx + x0] * (1 - ax) + smooth[y0 * gx + x1] * ax;
                double bottom = smooth[y1 * gx + x0] * (1 - ax) + smooth[y1 * gx + x1] * ax;
                out[y * w + x] = (float) (top * (1 - ay) + bottom * ay);
            }
        }
        return out;
    }

    /**
     * Robust standard deviation of the background. Stain lies on one side only, and most of a field is background,
     * so the median is the background's centre and the 16th percentile one standard deviation below it.
     */
    static float[] centreAndNoise(float[] raw, int[] scratch) {
        int n = raw.length;
        for (int i = 0; i < n; i++) {
            scratch[i] = OrderStatistics.key(raw[i]);
        }
        int[] at = OrderStatistics.atRanks(scratch, 0, n, (n - 1) / 2, (int) (0.16 * (n - 1)));
        float median = OrderStatistics.value(at[0]);
        float p16 = OrderStatistics.value(at[1]);
        return new float[] {median, Math.max(MIN_NOISE, median - p16)};
    }

    /** The chromosome signal: a high percentile of the pixels clearly above the noise. */
    static float signal(float[] raw, float noise, int[] scratch) {
        int k = 0;
        for (float r : raw) {
            if (r > 4 * noise) {
                scratch[k++] = OrderStatistics.key(r);
            }
        }
        if (k < 16) {
            return Math.max(8 * noise, 1f / 255f);
        }
        int rank = (int) (SIGNAL_PERCENTILE * (k - 1));
        float high = OrderStatistics.value(OrderStatistics.atRanks(scratch, 0, k, rank)[0]);
        return Math.max(high, 8 * noise);
    }
}
