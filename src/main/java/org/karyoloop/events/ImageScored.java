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
        long latencyMs) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;
}
