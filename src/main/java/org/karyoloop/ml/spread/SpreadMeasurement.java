package org.karyoloop.ml.spread;

import java.util.Objects;

/**
 * What karyoloop sees of one image: its modality, the chromosomes it counts (touching chromosomes split), the
 * clusters of touching or overlapping chromosomes, whether it is a metaphase spread at all (with the reason when
 * not), and the measurements vector the grading model reads.
 *
 * @param modality    detected from the content, or the configured override
 * @param chromosomes chromosomes counted, touching ones split
 * @param clusters    objects that hold two or more touching or overlapping chromosomes
 * @param spread      whether the image is a metaphase spread that can be graded at all
 * @param reason      why it is not a spread ({@link NotSpreadReason#wire()}), or null when it is
 * @param features    the {@link SpreadMeter#FEATURES} measurements in the order of {@link SpreadMeter#NAMES}
 */
public record SpreadMeasurement(Modality modality, int chromosomes, int clusters, boolean spread, String reason,
        float[] features) {

    public SpreadMeasurement {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(features, "features");
        if (spread != (reason == null)) {
            throw new IllegalArgumentException("a spread has no reason, a non-spread has one");
        }
    }
}
