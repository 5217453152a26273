package org.karyoloop.sampling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ImageScored;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.sampling.Sampler;

/**
 * Consumes images.scored in batches (diversity and budget are decided per batch) and samples them.
 * Blocking and ordered: one batch at a time on SmallRye's worker, offsets committed after the batch's
 * transaction (at least once; the sampler's tables make a redelivery request nothing twice). Records
 * that are not {@link ImageScored} go to images.scored.dlq with their bytes ({@link DeadLetterGuard});
 * a database outage is retried with backoff.
 */
@ApplicationScoped
public class ScoredImageConsumer {

    private final Sampler sampler;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public ScoredImageConsumer(Sampler sampler, DeadLetterGuard guard, TopicsConfig topics) {
        this.sampler = sampler;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.IMAGES_SCORED_SAMPLING)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    public void consume(ConsumerRecords<String, byte[]> records) throws SQLException {
        List<ImageScored> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ImageScored event = guard.readOrDeadLetter(record, ImageScored.class, topics.imagesScoredDlq());
            if (event != null) {
                batch.add(event);
            }
        }
        sampler.sample(batch);
    }
}
