package org.karyoloop.synth;

import java.util.SplittableRandom;

/** Smooth random texture in [-1, 1]: random values on a coarse grid, interpolated with a smoothstep. */
final class ValueNoise {

    private final float[] grid;
    private final int columns;
    private final double originX;
    private final double originY;
    private final double inverseCell;

    /** Noise covering the box from (x0, y0), {@code w} x {@code h} pixels, with features about {@code cell} pixels wide. */
    ValueNoise(double x0, double y0, double w, double h, double cell, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        columns = (int) Math.ceil(w / cell) + 2;
        int rows = (int) Math.ceil(h / cell) + 2;
        grid = new float[columns * rows];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) (2 * random.nextDouble() - 1);
        }
        originX = x0;
        originY = y0;
        inverseCell = 1 / cell;
    }

    float at(double x, double y) {
        double gx = Math.max(0, (x - originX) * inverseCell);
        double gy = Math.max(0, (y - originY) * inverseCell);
        int ix = (int) gx;
        int iy = (int) gy;
        int rows = grid.length / columns;
        ix = Math.min(ix, columns - 2);
        iy = Math.min(iy, rows - 2);
        float fx = fade((float) (gx - ix));
        float fy = fade((float) (gy - iy));
        int i = iy * columns + ix;
        float top = grid[i] + fx * (grid[i + 1] - grid[i]);
        float bottom = grid[i + columns] + fx * (grid[i + columns + 1] - grid[i + columns]);
        return top + fy * (bottom - top);
    }

    private static float fade(float t) {
        t = Math.min(1f, t);
        return t * t * (3 - 2 * t);
    }
}
