package org.karyoloop.ml.spread;

import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.GrayHistogram;

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
        return detect(GrayHistogram.of(image));
    }

    /** The modality of an image from its gray-level histogram. */
    public static Modality detect(GrayHistogram h) {
        int p05 = h.percentile(TAIL);
        int p50 = h.percentile(0.5);
        int p95 = h.percentile(0.95);
        int p995 = h.percentile(1 - TAIL);
        int up = p995 - p50;
        int down = p50 - p05;
        if (up > down || (up == down && p50 < 128)) {
            return Modality.FLUORESCENCE; // a featureless frame reads by its level: dark is a fluorescence camera's
        }
        return p50 >= INVERTED_BACKGROUND && p95 - p50 <= INVERTED_FLATNESS ? Modality.FLUORESCENCE_INVERTED
                : Modality.BRIGHTFIELD;
    }
}
