package org.karyoloop.imaging;

import java.util.Objects;

/**
 * Decoded 8-bit grayscale pixels, row-major, plus what was learned about the original file.
 *
 * <p>The {@code gray} array is handed over, not copied (a megapixel per image adds up): treat it as read-only.
 * Record equality therefore compares the array by identity.
 *
 * @param format        the container, detected from magic bytes
 * @param width         width in pixels, &gt; 0
 * @param height        height in pixels, &gt; 0
 * @param bitsPerSample bits per sample in the decoded source (8, 16, 1 for bilevel, the index width for palettes)
 * @param pages         number of pages (TIFF image directories); 1 for every other format; page 0 is decoded
 * @param gray          width x height luminance values, 0 = black, 255 = white, row-major
 */
public record DecodedImage(ImageFormat format, int width, int height, int bitsPerSample, int pages, byte[] gray) {

    public DecodedImage {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(gray, "gray");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + width + "x" + height);
        }
        if (gray.length != (long) width * height) {
            throw new IllegalArgumentException("gray has " + gray.length + " values for " + width + "x" + height);
        }
        if (bitsPerSample <= 0 || pages <= 0) {
            throw new IllegalArgumentException("bitsPerSample and pages must be positive");
        }
    }

    /** The gray value (0..255) at column x, row y. */
    public int grayAt(int x, int y) {
        return gray[y * width + x] & 0xFF;
    }
}
