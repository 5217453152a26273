package org.karyoloop.sampling.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.sampling.Sampler;

/**
 * Consumes labels.submitted so sampling knows legacy labels (to review) and images doctors settled
 * (not to ask again). Blocking, one record at a time; the upsert is idempotent, so redelivery is
 * harmless. Records that are not {@link LabelSubmitted} go to labels.submitted.dlq ({@link DeadLetterGuard}).
 */
@ApplicationScoped
public class SubmittedLabelConsumer {

    private final Sampler sampler;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public SubmittedLabelConsumer(Sampler sampler, DeadLetterGuard guard, TopicsConfig topics) {
        this.sampler = sampler;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.LABELS_SUBMITTED_SAMPLING)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, LabelSubmitted.class, topics.labelsSubmittedDlq(), label -> sampler.noteLabel(
                label.imageId(), label.grade(), label.origin(), label.finalLabel(), label.eventId()));
    }
}
