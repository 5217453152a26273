package org.karyoloop.rollout.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.rollout.persistence.EvidenceRepository;

/**
 * Turns images.scored (stable and canary arms) and labels.submitted (final labels) into the live
 * evidence the rollout policy judges. Blocking; each record's row commits in its own transaction before
 * the offset; inserts are idempotent, so a redelivered record changes nothing. A record that
 * is not the topic's event goes to the topic's dead-letter topic ({@link DeadLetterGuard}); a database
 * outage is retried with backoff.
 */
@ApplicationScoped
public class RolloutEvidenceConsumer {

    private final EvidenceRepository evidence;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public RolloutEvidenceConsumer(EvidenceRepository evidence, DeadLetterGuard guard, TopicsConfig topics) {
        this.evidence = evidence;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.IMAGES_SCORED_ROLLOUT)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void onScored(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, ImageScored.class, topics.imagesScoredDlq(), scored -> {
            if (scored.scored() && ("stable".equals(scored.arm()) || "canary".equals(scored.arm()))) {
                evidence.recordScored(scored.imageId(), scored.modelName(), scored.modelVersion(), scored.arm(),
                        scored.grade() == Grade.GOOD, scored.latencyMs(), scored.occurredAt());
            }
        });
    }

    @Incoming(Channels.LABELS_SUBMITTED_ROLLOUT)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void onLabel(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, LabelSubmitted.class, topics.labelsSubmittedDlq(), label -> {
            if (label.finalLabel()) {
                evidence.recordLabel(label.imageId(), label.grade() == Grade.GOOD, label.occurredAt());
            }
        });
    }
}
