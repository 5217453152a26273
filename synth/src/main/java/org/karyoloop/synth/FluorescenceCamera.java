package org.karyoloop.synth;

import java.util.SplittableRandom;

/**
 * Turns a field's dye density into the 8-bit gray image a fluorescence camera records: emission
 * under uneven excitation, photobleaching, focus blur plus a wide out-of-focus halo, a dark
 * background, shot and read noise, quantisation, and inversion when the domain stores it inverted.
 * Not thread-safe: one per rendering thread, reused between images.
 */
final class FluorescenceCamera {

    /** Sigma of the out-of-focus halo, in reference pixels, added to the focus blur. */
    static final double HALO_SIGMA = 7;
    private static final int NOISE_SAMPLES = 1 << 16;
    private static final float[] GAUSSIAN = Camera.gaussianTable(0xF1F0, NOISE_SAMPLES);

    private final GaussianBlur blur = new GaussianBlur();
    private float[] light = new float[0];
    private float[] halo = new float[0];

    /**
     * Records the image of {@code canvas}: blur in image pixels, {@code pixelScale} image pixels per
     * reference pixel (the halo's width), the domain's brightness, halo, bleaching and noise.
     */
    byte[] record(AbsorbanceCanvas canvas, SpreadPlan plan, Domain domain, double blurPixels, double pixelScale,
            SplittableRandom random) {
        int width = canvas.width;
        int height = canvas.height;
        int n = width * height;
        if (light.length < n) {
            light = new float[n];
            halo = new float[n];
        }
        // Earlier fields of a slide are brighter; bleaching takes up to domain.bleach() of the light.
        double bleached = 1 - domain.bleach() * random.nextDouble();
        excite(canvas, plan, (float) (domain.brightness() * bleached), random);
        float share = (float) domain.halo();
        if (share > 0) {
            System.arraycopy(light, 0, halo, 0, n);
            blur.apply(halo, width, height, blurPixels + HALO_SIGMA * pixelScale);
        }
        blur.apply(light, width, height, blurPixels);
        boolean inverted = domain.modality() == Modality.FLUORESCENCE_INVERTED;
        float background = (float) Math.max(0, plan.backgroundLevel());
        float read2 = (float) (plan.noise() * plan.noise());
        float shot = (float) domain.shotNoise();
        byte[] pixels = new byte[n];
        long state = random.nextLong() | 1;
        float[] table = GAUSSIAN;
        for (int i = 0; i < n; i++) {
            float signal = share > 0 ? (1 - share) * light[i] + share * halo[i] : light[i];
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            float sd = (float) Math.sqrt(read2 + shot * signal);
            float value = background + signal + sd * table[(int) (state & (NOISE_SAMPLES - 1))];
            int level = (int) (value + 0.5f);
            level = level < 0 ? 0 : (level > 255 ? 255 : level);
            pixels[i] = (byte) (inverted ? 255 - level : level);
        }
        return pixels;
    }

    private void excite(AbsorbanceCanvas canvas, SpreadPlan plan, float gain, SplittableRandom random) {
        int width = canvas.width;
        int height = canvas.height;
        double cx = width * (0.3 + 0.4 * random.nextDouble());
        double cy = height * (0.3 + 0.4 * random.nextDouble());
        double inverseRadius2 = 4.0 / ((double) width * width + (double) height * height);
        float vignette = (float) plan.vignette();
        float[] density = canvas.absorbance;
        for (int y = 0; y < height; y++) {
            double dy = y - cy;
            float dy2 = (float) (dy * dy * inverseRadius2);
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float dx = (float) (x - cx);
                float rr = dx * dx * (float) inverseRadius2 + dy2;
                light[row + x] = gain * (1 - vignette * rr) * density[row + x];
            }
        }
    }
}
