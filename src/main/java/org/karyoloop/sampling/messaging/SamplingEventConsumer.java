package org.karyoloop.sampling.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.sampling.Sampler;

/**
 * What sampling consumes, one method per channel in sampling's own consumer group:
 * <ul>
 * <li>images.scored, in batches (diversity and budget are decided per batch): samples them; one batch at a time,
 * offsets committed after the batch's transaction, and the sampler's tables make a redelivery request nothing
 * twice;</li>
 * <li>labels.submitted: so sampling knows legacy labels (to review) and images doctors settled (not to ask
 * again); the upsert is idempotent.</li>
 * </ul>
 * Blocking and ordered on SmallRye's worker; at least once. Records that are not the topic's event go to its
 * dead-letter topic with their bytes ({@link DeadLetterGuard}); a database outage is retried with backoff.
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
@ExponentialBackoff(maxDelay = 10_000)
public class SamplingEventConsumer {

    private final Sampler sampler;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public SamplingEventConsumer(Sampler sampler, DeadLetterGuard guard, TopicsConfig topics) {
        this.sampler = sampler;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.IMAGES_SCORED_SAMPLING)
    @Blocking
    public void onScored(ConsumerRecords<String, byte[]> records) throws Exception {
        List<ImageScored> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ImageScored event = guard.readOrDeadLetter(record, ImageScored.class, topics.imagesScoredDlq());
            if (event != null) {
                batch.add(event);
            }
        }
        sampler.sample(batch);
    }

    @Incoming(Channels.LABELS_SUBMITTED_SAMPLING)
    @Blocking
    public void onLabel(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, LabelSubmitted.class, topics.labelsSubmittedDlq(), label -> sampler.noteLabel(
                label.imageId(), label.grade(), label.origin(), label.finalLabel(), label.eventId()));
    }
}
