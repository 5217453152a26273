package org.karyoloop.imaging;

import java.util.Arrays;

/**
 * An 8-bit gray image shrunk by an integer factor: each output pixel is the mean of its factor x factor box (boxes
 * at the right and bottom edges hold what is left), as a gray level from 0 to 1. The one box average of the
 * preprocessing translator and the spread measurement. Stateless; thread-safe.
 */
public final class BoxAverage {

    /** Each 8-bit gray level as a value from 0 to 1 (the division done once per level, not per pixel). */
    private static final float[] LEVELS = new float[256];

    static {
        for (int v = 0; v < LEVELS.length; v++) {
            LEVELS[v] = v / 255f;
        }
    }

    private BoxAverage() {
    }

    /** The output width or height for {@code side} pixels shrunk by {@code factor}. */
    public static int side(int side, int factor) {
        return (side + factor - 1) / factor;
    }

    /**
     * {@code image} box-averaged by {@code factor} to {@code w} x {@code h} ({@link #side} of each); factor 1 maps the
     * gray levels to 0..1. A box's sum is kept as an integer, exact for any box under 65,793 pixels (factor 256).
     */
    public static float[] of(DecodedImage image, int factor, int w, int h) {
        byte[] gray = image.gray();
        if (factor == 1) {
            float[] out = new float[gray.length];
            for (int i = 0; i < gray.length; i++) {
                out[i] = LEVELS[gray[i] & 0xFF];
            }
            return out;
        }
        int width = image.width();
        int height = image.height();
        int[] sum = new int[w];
        float[] out = new float[w * h];
        for (int by = 0; by < h; by++) {
            Arrays.fill(sum, 0);
            int y1 = Math.min(height, (by + 1) * factor);
            for (int y = by * factor; y < y1; y++) {
                int offset = y * width;
                int x = 0;
                for (int bx = 0; bx < w; bx++) {
                    int x1 = Math.min(width, x + factor);
                    int s = 0;
                    for (; x < x1; x++) {
                        s += gray[offset + x] & 0xFF;
                    }
                    sum[bx] += s;
                }
            }
            int rows = y1 - by * factor;
            for (int bx = 0; bx < w; bx++) {
                int count = rows * (Math.min(width, (bx + 1) * factor) - bx * factor);
                out[by * w + bx] = (float) sum[bx] / (255f * count);
            }
        }
        return out;
    }
}
