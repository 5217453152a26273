package org.karyoloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Sampling decided that a doctor should label an image (topic labeling.requests, key = image id).
 * The annotation role turns each request into one labeling task (idempotently, by {@code eventId}).
 *
 * @param sha256 the original bytes' key in the blob store (what the doctors' page shows)
 * @param reason {@code uncertainty}, {@code exploration}, {@code cold-start}, {@code label-review} or
 *     {@code canary-audit}
 * @param priority 0..1, higher is served first
 * @param detail a short note for people, e.g. {@code margin=0.08} or {@code legacy POOR, P(GOOD)=0.93}
 * @param pGood the model's P(GOOD), null when unscored
 * @param modelGrade the model's grade at its calibrated threshold, null when unscored
 * @param goodThreshold the calibrated threshold applied to P(GOOD), null when unscored
 * @param legacyGrade the archive's label being reviewed (reason label-review), else null
 * @param modality the modality scoring measured the image as ({@code brightfield}, {@code fluorescence},
 *     {@code fluorescence-inverted}), shown to the doctor; null when unknown (older events)
 * @param notSpreadReason why scoring measured the image as not a metaphase spread, or null; sampling never requests
 *     such images, so only another producer's request carries one
 */
public record LabelingRequested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID imageId,
        String sha256,
        String sourceId,
        String slideId,
        String reason,
        double priority,
        String detail,
        String modelName,
        String modelVersion,
        String arm,
        Double pGood,
        Grade modelGrade,
        Double goodThreshold,
        Grade legacyGrade,
        String modality,
        String notSpreadReason) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;
}
