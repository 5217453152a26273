package org.karyoloop.training.engine;

import java.util.SplittableRandom;

/**
 * Label-preserving augmentation of a preprocessed square input (background 0, chromosomes high):
 * flips, quarter-turn rotations, brightness/contrast and, on a configured share of inputs, a light
 * blur. A spread's grade does not depend on orientation or stain strength; it depends on defocus once
 * the input is sharp enough to show it (cropped to the spread), so the blur share is 0 there. Not
 * thread-safe (scratch buffer); one per training thread.
 */
public final class Augmenter {

    private final int size;
    private final float[] scratch;
    private final double blurShare;

    public Augmenter(int size, double blurShare) {
        this.size = size;
        this.scratch = new float[size * size];
        this.blurShare = blurShare;
    }

    /** Augments {@code v} (size x size, in place) with draws from {@code random}. */
    public void apply(float[] v, int offset, SplittableRandom random) {
        int turns = random.nextInt(4);
        boolean flip = random.nextBoolean();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sx = flip ? size - 1 - x : x;
                int sy = y;
                for (int t = 0; t < turns; t++) {
                    int tmp = sx;
                    sx = size - 1 - sy;
                    sy = tmp;
                }
                scratch[y * size + x] = v[offset + sy * size + sx];
            }
        }
        float contrast = (float) (0.8 + 0.4 * random.nextDouble());
        float brightness = (float) (0.06 * (random.nextDouble() - 0.5));
        boolean blur = random.nextDouble() < blurShare;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float value = blur ? blurred(x, y) : scratch[y * size + x];
                value = value * contrast + (value > 0 ? brightness : 0);
                v[offset + y * size + x] = Math.max(0f, Math.min(1f, value));
            }
        }
    }

    /** Mean of the 3x3 neighbourhood (edges use what exists). */
    private float blurred(int x, int y) {
        float acc = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < size && yy < size) {
                    acc += scratch[yy * size + xx];
                    n++;
                }
            }
        }
        return acc / n;
    }
}
