package org.karyoloop.training.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.training.persistence.TrainingData;

/**
 * Consumes images.ingested (training's own channel and group) and records where each image's bytes
 * are, its slide and its source's intensity statistics, for data sets and drift. Blocking (PostgreSQL);
 * idempotent by image id; transient failures retried, poison records dead-lettered to images.ingested.dlq
 * ({@link DeadLetterGuard}).
 */
@ApplicationScoped
public class ImageIngestedConsumer {

    private final DeadLetterGuard guard;
    private final TopicsConfig topics;
    private final TrainingData data;

    public ImageIngestedConsumer(DeadLetterGuard guard, TopicsConfig topics, TrainingData data) {
        this.guard = guard;
        this.topics = topics;
        this.data = data;
    }

    @Incoming(Channels.IMAGES_INGESTED_TRAINING)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, ImageIngested.class, topics.imagesIngestedDlq(), data::recordImage);
    }
}
