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
import org.karyoloop.events.ModelServingChanged;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.EventReader;
import org.karyoloop.platform.messaging.PoisonRecordException;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.rollout.RolloutService;
import org.karyoloop.rollout.persistence.EvidenceRepository;

/**
 * What rollout consumes, one method per channel in rollout's own consumer group:
 * <ul>
 * <li>images.scored (stable and canary arms) and labels.submitted (final labels) become the live evidence the
 * rollout policy judges; each record's row commits in its own transaction before the offset, and inserts are
 * idempotent, so a redelivered record changes nothing;</li>
 * <li>models.candidates: a candidate may start a canary; models.serving: a replica that cannot load the canary
 * rolls it back at once. Transitions are idempotent (a redelivered candidate or failure finds the state already
 * changed).</li>
 * </ul>
 * Blocking, one record at a time per channel on SmallRye's worker threads; at least once. A record that is not the
 * topic's event goes to the topic's dead-letter topic ({@link DeadLetterGuard}); a database outage is retried
 * with backoff.
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
@ExponentialBackoff(maxDelay = 10_000)
public class RolloutEventConsumer {

    private final EvidenceRepository evidence;
    private final RolloutService rollouts;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public RolloutEventConsumer(EvidenceRepository evidence, RolloutService rollouts, DeadLetterGuard guard,
            TopicsConfig topics) {
        this.evidence = evidence;
        this.rollouts = rollouts;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.IMAGES_SCORED_ROLLOUT)
    @Blocking
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
    public void onLabel(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, LabelSubmitted.class, topics.labelsSubmittedDlq(), label -> {
            if (label.finalLabel()) {
                evidence.recordLabel(label.imageId(), label.grade() == Grade.GOOD, label.occurredAt());
            }
        });
    }

    @Incoming(Channels.MODELS_CANDIDATES)
    @Blocking
    public void onCandidate(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, CandidateAnnouncement.class, topics.modelsCandidatesDlq(), candidate -> {
            if (candidate.modelName() == null || candidate.modelVersion() == null) {
                throw new PoisonRecordException(EventReader.INVALID_EVENT,
                        "candidate without modelName or modelVersion");
            }
            rollouts.onCandidate(candidate.modelName(), candidate.modelVersion(), candidate.eligible(),
                    candidate.summary());
        });
    }

    @Incoming(Channels.MODELS_SERVING_ROLLOUT)
    @Blocking
    public void onServing(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, ModelServingChanged.class, topics.modelsServingDlq(), change -> {
            if (ModelServingChanged.LOAD_FAILED.equals(change.status())) {
                rollouts.onLoadFailed(change.modelName(), change.modelVersion(), change.detail());
            }
        });
    }
}
