package org.karyoloop.imaging;

/**
 * Upper bounds that protect a decoder from oversized uploads and decompression bombs.
 *
 * @param maxBytes  largest accepted encoded input, in bytes; checked before the bytes are looked at
 * @param maxPixels largest accepted declared width x height, in pixels; checked from the header before any
 *                  pixel is decoded. At most {@value #PIXEL_CEILING}, because the gray result is one Java array.
 */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** The largest array a JVM reliably allocates. */
    public static final long PIXEL_CEILING = Integer.MAX_VALUE - 8L;

    public ImageLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
        }
        if (maxPixels <= 0 || maxPixels > PIXEL_CEILING) {
            throw new IllegalArgumentException("maxPixels must be in 1.." + PIXEL_CEILING + ", was " + maxPixels);
        }
    }
}
