package org.karyoloop.scoring.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.EventReader;
import org.karyoloop.platform.messaging.PoisonRecordException;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.scoring.ScoringService;
import org.karyoloop.scoring.UnscorableImageException;

/**
 * Consumes images.ingested and scores each image. Blocking, because scoring waits for inference and
 * writes to PostgreSQL; records run concurrently on the bounded {@code scoring-workers} pool (that
 * concurrency is what fills the micro-batches, and its bound plus the bounded inference queue is the
 * back-pressure: the connector stops fetching while all workers wait). Offsets commit only up to the
 * oldest unfinished record: delivery is at least once, and the decision dedupe makes a redelivery a
 * no-op. An unreadable event or an image whose bytes are gone goes to images.ingested.dlq
 * ({@link DeadLetterGuard}); anything else (database down, queue full during a switch) is retried with backoff.
 */
@ApplicationScoped
public class IngestedImageConsumer {

    private final ScoringService scoring;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public IngestedImageConsumer(ScoringService scoring, DeadLetterGuard guard, TopicsConfig topics) {
        this.scoring = scoring;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.IMAGES_INGESTED)
    @Blocking(value = "scoring-workers", ordered = false)
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, ImageIngested.class, topics.imagesIngestedDlq(), this::score);
    }

    private void score(ImageIngested image) throws InterruptedException {
        if (image.modality() != null) {
            try {
                Modality.parse(image.modality());
            } catch (IllegalArgumentException e) {
                throw new PoisonRecordException(EventReader.INVALID_EVENT, e.getMessage());
            }
        }
        try {
            scoring.score(image);
        } catch (UnscorableImageException e) {
            throw new PoisonRecordException(e.code(), e.getMessage());
        }
    }
}
