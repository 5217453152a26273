package org.karyoloop.rollout.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ModelServingChanged;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.EventReader;
import org.karyoloop.platform.messaging.PoisonRecordException;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.rollout.RolloutService;

/**
 * Reacts to models.candidates (a candidate may start a canary) and models.serving (a replica that
 * cannot load the canary rolls it back at once). Blocking; transitions are idempotent (a redelivered
 * candidate or failure finds the state already changed). A record that is not the topic's event goes to
 * the topic's dead-letter topic ({@link DeadLetterGuard}); a database outage is retried with backoff.
 */
@ApplicationScoped
public class RolloutTriggerConsumer {

    private final RolloutService rollouts;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public RolloutTriggerConsumer(RolloutService rollouts, DeadLetterGuard guard, TopicsConfig topics) {
        this.rollouts = rollouts;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.MODELS_CANDIDATES)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
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
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void onServing(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, ModelServingChanged.class, topics.modelsServingDlq(), change -> {
            if (ModelServingChanged.LOAD_FAILED.equals(change.status())) {
                rollouts.onLoadFailed(change.modelName(), change.modelVersion(), change.detail());
            }
        });
    }
}
