package org.karyoloop.rollout.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ModelServingChanged;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.rollout.RolloutService;

/**
 * Reacts to models.candidates (a candidate may start a canary) and models.serving (a replica that
 * cannot load the canary rolls it back at once). Blocking; transitions are idempotent (a redelivered
 * candidate or failure finds the state already changed).
 */
@ApplicationScoped
public class RolloutTriggerConsumer {

    private final RolloutService rollouts;
    private final ObjectMapper mapper;

    public RolloutTriggerConsumer(RolloutService rollouts, ObjectMapper mapper) {
        this.rollouts = rollouts;
        this.mapper = mapper;
    }

    @Incoming(Channels.MODELS_CANDIDATES)
    @Blocking
    public void onCandidate(String json) throws IOException {
        CandidateAnnouncement candidate = mapper.readValue(json, CandidateAnnouncement.class);
        if (candidate.modelName() == null || candidate.modelVersion() == null) {
            throw new IllegalArgumentException("candidate without modelName or modelVersion");
        }
        rollouts.onCandidate(candidate.modelName(), candidate.modelVersion(), candidate.eligible(),
                candidate.summary());
    }

    @Incoming(Channels.MODELS_SERVING_ROLLOUT)
    @Blocking
    public void onServing(String json) throws IOException {
        ModelServingChanged change = mapper.readValue(json, ModelServingChanged.class);
        if (ModelServingChanged.LOAD_FAILED.equals(change.status())) {
            rollouts.onLoadFailed(change.modelName(), change.modelVersion(), change.detail());
        }
    }
}
