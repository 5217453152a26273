package org.karyoloop.ml.spread;

import org.karyoloop.imaging.DecodedImage;

/**
 * Tells the modality from the image itself. Chromosomes cover a small part of a spread and the background the
 * rest, so the median gray level is the background's, and the stain is the long tail of the histogram: above the
 * median under fluorescence (bright on dark), below it under bright-field (dark on light). A dark-on-light image
 * whose background is near white and nearly noise-free is fluorescence stored inverted (a bright-field camera's
 * background is mid-gray to light and textured); a bright-field export whose background was flattened to white
 * reads the same way, and it is measured the same way, both being dark on light. Thread-safe (stateless).
 */
public final class ModalityDetector {

    /** Share of pixels cut off at each end of the histogram before the tails are compared. */
    static final double TAIL = 0.005;
    /** Least background gray level (0..255) of inverted fluorescence. */
    static final int INVERTED_BACKGROUND = 235;
    /** Largest spread of the background's light side (gray levels from the median to the 95th percentile) of inverted fluorescence. */
    static final int INVERTED_FLATNESS = 4;

    private ModalityDetector() {
    }

    /** The modality of {@code image}. */
    public static Modality detect(DecodedImage image) {
        int[] h = new int[256];
        for (byte b : image.gray()) {
            h[b & 0xFF]++;
        }
        int n = image.gray().length;
        int p05 = percentile(h, n, TAIL);
        int p50 = percentile(h, n, 0.5);
        int p95 = percentile(h, n, 0.95);
        int p995 = percentile(h, n, 1 - TAIL);
        int up = p995 - p50;
        int down = p50 - p05;
        if (up > down || (up == down && p50 < 128)) {
            return Modality.FLUORESCENCE; // a featureless frame reads by its level: dark is a fluorescence camera's
        }
        return p50 >= INVERTED_BACKGROUND && p95 - p50 <= INVERTED_FLATNESS ? Modality.FLUORESCENCE_INVERTED
                : Modality.BRIGHTFIELD;
    }

    private static int percentile(int[] h, int n, double q) {
        long target = (long) Math.ceil(q * n);
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += h[v];
            if (seen >= Math.max(1, target)) {
                return v;
            }
        }
        return 255;
    }
}
