package org.karyoloop.synth;

/**
 * One generated image: 8-bit gray pixels (row-major, one byte per pixel) and its truth.
 *
 * @param index the image's position in the stream
 * @param slide the factors of the slide it belongs to
 * @param domain the name of the domain it was acquired in
 * @param width width in pixels
 * @param height height in pixels
 * @param pixels gray levels, row by row
 * @param truth what is really in it, and its true grade
 * @param spread the box around its chromosomes
 */
public record SyntheticImage(
        long index, SlideFactors slide, String domain, int width, int height, byte[] pixels, SpreadTruth truth,
        Box spread) {

    /**
     * A box of pixels, corners inclusive.
     *
     * @param x0 left column
     * @param y0 top row
     * @param x1 right column
     * @param y1 bottom row
     */
    public record Box(int x0, int y0, int x1, int y1) {

        public int centreX() {
            return (x0 + x1) / 2;
        }

        public int centreY() {
            return (y0 + y1) / 2;
        }
    }

    /** The gray level (0–255) at (x, y). */
    public int gray(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }
}
