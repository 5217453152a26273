package org.karyoloop.synth;

import java.util.SplittableRandom;

/**
 * Turns a field's absorbance into the 8-bit gray image a bright-field camera records: uneven
 * illumination, Beer–Lambert transmission, focus blur, sensor noise, quantisation.
 * Not thread-safe: one per rendering thread, reused between images.
 */
final class Camera {

    /** Steps per unit of absorbance in the transmission table. */
    static final int EXP_STEPS = 256;
    private static final float[] TRANSMISSION = transmissionTable(8);
    private static final int NOISE_SAMPLES = 1 << 16;
    private static final float[] GAUSSIAN = gaussianTable(0x6A055, NOISE_SAMPLES);

    private final GaussianBlur blur = new GaussianBlur();
    private float[] light = new float[0];

    /** Fraction of light that passes an absorbance (from the table, so images stay byte-identical everywhere). */
    static float transmission(float absorbance) {
        int i = (int) (absorbance * EXP_STEPS + 0.5f);
        return TRANSMISSION[Math.min(TRANSMISSION.length - 1, Math.max(0, i))];
    }

    /** Records the image of {@code canvas} under the plan's illumination, blur and noise. */
    byte[] record(AbsorbanceCanvas canvas, SpreadPlan plan, double blurPixels, SplittableRandom random) {
        int width = canvas.width;
        int height = canvas.height;
        if (light.length < width * height) {
            light = new float[width * height];
        }
        illuminate(canvas, plan, random);
        blur.apply(light, width, height, blurPixels);
        byte[] pixels = new byte[width * height];
        long state = random.nextLong() | 1;
        float noise = (float) plan.noise();
        float[] table = GAUSSIAN;
        for (int i = 0; i < pixels.length; i++) {
            // xorshift64: a cheap, reproducible index into a table of Gaussian samples.
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            float value = light[i] + noise * table[(int) (state & (NOISE_SAMPLES - 1))];
            int level = (int) (value + 0.5f);
            pixels[i] = (byte) (level < 0 ? 0 : (level > 255 ? 255 : level));
        }
        return pixels;
    }

    private void illuminate(AbsorbanceCanvas canvas, SpreadPlan plan, SplittableRandom random) {
        int width = canvas.width;
        int height = canvas.height;
        double cx = width * (0.3 + 0.4 * random.nextDouble());
        double cy = height * (0.3 + 0.4 * random.nextDouble());
        double tiltX = 0.04 * (2 * random.nextDouble() - 1) / width;
        double tiltY = 0.04 * (2 * random.nextDouble() - 1) / height;
        double inverseRadius2 = 4.0 / ((double) width * width + (double) height * height);
        float vignette = (float) plan.vignette();
        float level = (float) plan.backgroundLevel();
        float[] absorbance = canvas.absorbance;
        for (int y = 0; y < height; y++) {
            double dy = y - cy;
            float rowFactor = (float) (1 + tiltY * (y - height / 2.0));
            float dy2 = (float) (dy * dy * inverseRadius2);
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float dx = (float) (x - cx);
                float rr = dx * dx * (float) inverseRadius2 + dy2;
                float background = level * (1 - vignette * rr) * (rowFactor + (float) (tiltX * (x - width / 2.0)));
                light[row + x] = background * transmission(absorbance[row + x]);
            }
        }
    }

    private static float[] transmissionTable(int maxAbsorbance) {
        float[] table = new float[maxAbsorbance * EXP_STEPS + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) StrictMath.exp(-(double) i / EXP_STEPS);
        }
        return table;
    }

    /** {@code samples} (even) standard normal draws from {@code seed}, the same on every JVM. */
    static float[] gaussianTable(long seed, int samples) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] table = new float[samples];
        for (int i = 0; i < table.length; i += 2) {
            // Box–Muller with StrictMath, so the table is the same on every JVM.
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            double r = StrictMath.sqrt(-2 * StrictMath.log(u));
            table[i] = (float) (r * StrictMath.cos(2 * Math.PI * v));
            table[i + 1] = (float) (r * StrictMath.sin(2 * Math.PI * v));
        }
        return table;
    }
}
