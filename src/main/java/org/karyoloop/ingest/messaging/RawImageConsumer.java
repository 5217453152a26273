package org.karyoloop.ingest.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.ingest.ImageIngestService;
import org.karyoloop.ingest.IngestMetrics;
import org.karyoloop.ingest.IngestOutcome;
import org.karyoloop.ingest.IngestRequest;
import org.karyoloop.ingest.IngestRequestRejectedException;
import org.karyoloop.ingest.IngestRequestRejectedException.Reason;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.PoisonRecordException;
import org.karyoloop.platform.messaging.TopicsConfig;

/**
 * Consumes images.raw (image bytes, or a claim check naming a file) and ingests each record. A
 * record that is not an acceptable image goes to images.dlq with its bytes and ingest's reason code
 * ({@link DeadLetterGuard}), and the consumer moves on; a transient failure (database or disk down) is
 * retried with backoff and never dead-lettered. Blocking, because ingest writes to PostgreSQL and the
 * blob store; records run concurrently on the bounded {@code ingest-workers} pool (images have no
 * order), offsets are committed only up to the oldest unfinished record, so delivery is at least
 * once, and ingest's dedupe by SHA-256 makes a redelivery a no-op.
 */
@ApplicationScoped
public class RawImageConsumer {

    private static final Logger LOG = Logger.getLogger(RawImageConsumer.class);

    private final ImageIngestService ingest;
    private final ClaimCheckResolver claimChecks;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;
    private final IngestMetrics metrics;

    public RawImageConsumer(ImageIngestService ingest, ClaimCheckResolver claimChecks, DeadLetterGuard guard,
            TopicsConfig topics, IngestMetrics metrics) {
        this.ingest = ingest;
        this.claimChecks = claimChecks;
        this.guard = guard;
        this.topics = topics;
        this.metrics = metrics;
    }

    @Incoming(Channels.IMAGES_RAW)
    @Blocking(value = "ingest-workers", ordered = false)
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.run(record, topics.imagesDlq(), () -> ingest(record));
    }

    private void ingest(ConsumerRecord<String, byte[]> record) {
        try {
            IngestOutcome outcome = ingest.ingest(toRequest(record));
            LOG.debugf("%s-%d@%d -> image %s%s", record.topic(), record.partition(), record.offset(),
                    outcome.imageId(), outcome.duplicate() ? " (duplicate)" : "");
        } catch (ImageRejectedException e) {
            throw new PoisonRecordException(e.reason().code(), e.detail());
        } catch (IngestRequestRejectedException e) {
            throw new PoisonRecordException(e.reason().code(), e.detail());
        } catch (RuntimeException e) {
            LOG.warnf("%s-%d@%d failed for a transient reason, retrying with backoff: %s", record.topic(),
                    record.partition(), record.offset(), e.toString());
            throw e;
        }
    }

    private IngestRequest toRequest(ConsumerRecord<String, byte[]> record) throws IngestRequestRejectedException {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String contentType = header(record, RawImageHeaders.CONTENT_TYPE);
        String origin = "kafka";
        if (ClaimCheckResolver.isClaimCheck(contentType, value)) {
            try {
                ClaimCheckResolver.Resolved resolved = claimChecks.resolve(value);
                value = resolved.bytes();
                contentType = resolved.check().contentType();
                origin = "claim-check";
            } catch (IngestRequestRejectedException e) {
                metrics.rejected("claim-check", e.reason().code());
                throw e;
            }
        }
        return new IngestRequest(value, contentType, header(record, RawImageHeaders.IDEMPOTENCY_KEY),
                header(record, RawImageHeaders.SOURCE_ID), header(record, RawImageHeaders.SLIDE_ID),
                capturedAt(header(record, RawImageHeaders.CAPTURED_AT)), origin);
    }

    private static Instant capturedAt(String value) throws IngestRequestRejectedException {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IngestRequestRejectedException(Reason.INVALID_METADATA,
                    RawImageHeaders.CAPTURED_AT + " is not an ISO-8601 instant: " + value);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
