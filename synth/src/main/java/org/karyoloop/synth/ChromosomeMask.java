package org.karyoloop.synth;

/**
 * The pixels one chromosome occupies (coverage above one half), in its bounding box.
 *
 * @param x0 left column of the box
 * @param y0 top row of the box
 * @param width box width
 * @param height box height
 * @param bits one byte per box pixel, 1 inside the chromosome
 * @param area pixels inside the chromosome
 */
record ChromosomeMask(int x0, int y0, int width, int height, byte[] bits, int area) {

    /** Whether the chromosome occupies image pixel (x, y). */
    boolean has(int x, int y) {
        int lx = x - x0;
        int ly = y - y0;
        return lx >= 0 && ly >= 0 && lx < width && ly < height && bits[ly * width + lx] != 0;
    }
}
