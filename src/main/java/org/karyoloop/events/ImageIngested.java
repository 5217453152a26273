package org.karyoloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An image was accepted and stored once (topic images.ingested, key = image id). Carries what the
 * scoring role needs to fetch the original bytes and what drift detection needs to compare sources.
 *
 * @param blobUri where the original bytes are (content-addressed by {@code sha256})
 * @param backgroundLevel robust estimate of the bright-field background, 0..255
 * @param foregroundFraction share of pixels clearly darker than the background
 * @param modality {@code brightfield}, {@code fluorescence} or {@code fluorescence-inverted}, detected from the
 *     content or configured for the source; null in events written before ingest recorded it (consumers then
 *     detect it from the image)
 */
public record ImageIngested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID imageId,
        String sha256,
        String blobUri,
        String format,
        int width,
        int height,
        int bitsPerSample,
        long byteSize,
        String sourceId,
        String slideId,
        Instant capturedAt,
        double meanIntensity,
        double stdIntensity,
        int backgroundLevel,
        double foregroundFraction,
        String modality) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;
}
