package org.karyoloop.ingest;

import java.time.Instant;

/**
 * One image offered to ingest, from Kafka or REST, with what its sender said about it.
 *
 * @param bytes the original bytes, kept untouched
 * @param declaredContentType what the sender called it; the decoder trusts magic bytes instead
 * @param origin {@code kafka}, {@code rest} or {@code claim-check}
 */
public record IngestRequest(
        byte[] bytes,
        String declaredContentType,
        String idempotencyKey,
        String sourceId,
        String slideId,
        Instant capturedAt,
        String origin) {
}
