package org.karyoloop.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An ingested image was graded by a model version, or passed on unscored while no model exists
 * (cold start). Topic images.scored, key = image id. One event per (image, version, arm): during a
 * canary an image is scored by exactly one serving arm, plus possibly a shadow.
 *
 * @param modelName the model family, e.g. "metaphase-quality"; null when unscored
 * @param modelVersion the immutable version id; null when unscored
 * @param arm {@code stable}, {@code canary}, {@code shadow}, or {@code none} when unscored
 * @param probabilities class probabilities by grade name (GOOD, FAIR, POOR); empty when unscored
 * @param grade the grade at the version's calibrated GOOD threshold (not argmax); null when unscored
 * @param goodThreshold the calibrated threshold applied to P(GOOD); null when unscored
 * @param uncertainty 0 (certain) .. 1 (maximally unsure); null when unscored
 * @param latencyMs from images.ingested to this decision
 * @param modality the modality the image was measured as ({@code brightfield}, {@code fluorescence},
 *     {@code fluorescence-inverted})
 * @param spread whether the image is a metaphase spread at all; when false the grade is never GOOD (it is POOR)
 *     and consumers must not treat it as a spread to label or rank. Null in events written before scoring
 *     measured: read as a spread
 * @param reason why it is not a spread ({@code blank-frame}, {@code saturated}, {@code too-few-chromosomes},
 *     {@code interphase-only}, {@code karyogram}), or null
 */
public record ImageScored(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID imageId,
        String sha256,
        String sourceId,
        String slideId,
        boolean scored,
        String modelName,
        String modelVersion,
        String arm,
        Map<String, Double> probabilities,
        Grade grade,
        Double goodThreshold,
        Double uncertainty,
        long latencyMs,
        String modality,
        Boolean spread,
        String reason) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    /** Whether the image may be treated as a spread: measured as one, or not measured (older events). */
    public boolean gradeable() {
        return spread == null || spread;
    }
}
