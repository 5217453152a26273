package org.karyoloop.training.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.training.TriggerService;
import org.karyoloop.training.persistence.TrainingData;

/**
 * Consumes labels.submitted: records final labels (others are not trained on) and applies the trigger
 * policy. Blocking, because it writes to PostgreSQL; the label and its dedupe key (event id, label id)
 * commit together, so a redelivery changes nothing. Transient failures are retried with backoff;
 * poison records go to labels.submitted.dlq ({@link DeadLetterGuard}). Runs on SmallRye's worker threads, one record at a time.
 */
@ApplicationScoped
public class LabelSubmittedConsumer {

    private final DeadLetterGuard guard;
    private final TopicsConfig topics;
    private final TrainingData data;
    private final TriggerService trigger;

    public LabelSubmittedConsumer(DeadLetterGuard guard, TopicsConfig topics, TrainingData data, TriggerService trigger) {
        this.guard = guard;
        this.topics = topics;
        this.data = data;
        this.trigger = trigger;
    }

    @Incoming(Channels.LABELS_SUBMITTED_TRAINING)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, LabelSubmitted.class, topics.labelsSubmittedDlq(), label -> {
            if (label.finalLabel() && data.recordLabel(label, Instant.now())) {
                trigger.evaluateLabels();
            }
        });
    }
}
