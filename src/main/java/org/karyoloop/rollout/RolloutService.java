package org.karyoloop.rollout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.karyoloop.events.RolloutStateChanged;
import org.karyoloop.platform.audit.LogText;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;
import org.karyoloop.rollout.persistence.EvidenceRepository;
import org.karyoloop.rollout.persistence.RolloutEvent;
import org.karyoloop.rollout.persistence.RolloutState;

/**
 * Applies rollout transitions: each one updates the model's state, appends who/why/evidence to the
 * rollout_event history and stages the new {@link RolloutStateChanged} for models.rollout, all in one
 * transaction — so what scoring serves and why it serves it never disagree. The rollout role is the
 * only writer of models.rollout. Thread-safe: transitions of one model are serialised by the state
 * row's optimistic lock (a concurrent transition fails and is retried by its caller or the next
 * evaluation).
 */
@ApplicationScoped
public class RolloutService {

    /** The actor of automatic transitions. */
    public static final String AUTOMATION = "rollout";

    private static final Logger LOG = Logger.getLogger(RolloutService.class);

    private final EvidenceRepository evidence;
    private final OutboxWriter outbox;
    private final RolloutPolicy policy;
    private final ObjectMapper mapper;
    private final String rolloutTopic;
    private final Clock clock;

    public RolloutService(EvidenceRepository evidence, OutboxWriter outbox, RolloutConfig config, ObjectMapper mapper,
            TopicsConfig topics) {
        this.evidence = evidence;
        this.outbox = outbox;
        this.policy = new RolloutPolicy(config);
        this.mapper = mapper;
        this.rolloutTopic = topics.modelsRollout();
        this.clock = Clock.systemUTC();
    }

    /** A candidate was announced: start a canary (or bootstrap stable when there is none) if it qualifies. */
    public void onCandidate(String modelName, String version, boolean eligible, String summary) {
        QuarkusTransaction.requiringNew().run(() -> {
            RolloutState state = stateOf(modelName);
            if (version.equals(state.stableVersion) || version.equals(state.canaryVersion)) {
                return; // a redelivered announcement
            }
            if (!eligible) {
                record(state, "candidate-rejected", AUTOMATION,
                        "candidate " + version + " did not meet the operating point (validation calibration, frozen"
                                + " evaluation set): "
                                + summary,
                        null, false);
            } else if (state.pinned) {
                record(state, "candidate-ignored", AUTOMATION, "model is pinned; candidate " + version
                        + " waits for an operator", null, false);
            } else if (state.stableVersion == null) {
                state.stableVersion = version;
                record(state, "bootstrap", AUTOMATION,
                        "first eligible version becomes stable (no stable to compare with): " + summary, null, true);
            } else if (state.phase != RolloutPhase.IDLE) {
                record(state, "candidate-deferred", AUTOMATION, "canary " + state.canaryVersion
                        + " still running; candidate " + version + " can be started by an operator later", null, false);
            } else {
                startCanary(state, version, policy.firstWeight());
                record(state, "canary-started", AUTOMATION, "candidate met the operating point: " + summary, null,
                        true);
            }
        });
    }

    /** Evaluates every running canary once. */
    public void evaluateAll() {
        List<String> running = QuarkusTransaction.requiringNew().call(() -> RolloutState
                .<RolloutState>list("phase", RolloutPhase.CANARY).stream().map(s -> s.modelName).toList());
        for (String model : running) {
            try {
                evaluate(model);
            } catch (RuntimeException e) {
                LOG.warnf("evaluating the rollout of %s failed, retrying at the next round: %s", model,
                        e.getMessage());
            }
        }
    }

    /** Evaluates one model's canary against the policy and applies what it decides. */
    public Decision evaluate(String modelName) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RolloutState state = stateOf(modelName);
            if (state.phase != RolloutPhase.CANARY || state.pinned) {
                return Decision.waitFor("no automatic decision: phase " + state.phase
                        + (state.pinned ? ", pinned" : ""));
            }
            Evidence canary = evidence.evidence(modelName, state.canaryVersion, "canary", state.canaryStartedAt);
            Evidence stable = evidence.evidence(modelName, state.stableVersion, "stable", state.canaryStartedAt);
            Decision decision = policy.decide(state.canaryWeight, state.canaryStartedAt, state.stepStartedAt, canary,
                    stable, clock.instant());
            String json = evidenceJson(canary, stable);
            switch (decision.kind()) {
                case ADVANCE -> {
                    state.canaryWeight = decision.weight();
                    state.stepStartedAt = clock.instant();
                    record(state, "canary-advanced", AUTOMATION, decision.reason(), json, true);
                }
                case PROMOTE -> {
                    promoteCanary(state);
                    record(state, "promoted", AUTOMATION, decision.reason(), json, true);
                }
                case ROLL_BACK -> {
                    rollBackCanary(state);
                    record(state, "rolled-back", AUTOMATION, decision.reason(), json, true);
                }
                case WAIT -> LOG.debugf("canary of %s waits: %s", modelName, decision.reason());
            }
            return decision;
        });
    }

    /** A scoring replica could not load {@code version}: a canary of it is rolled back at once. */
    public void onLoadFailed(String modelName, String version, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            RolloutState state = stateOf(modelName);
            if (version.equals(state.canaryVersion) && !state.pinned) {
                rollBackCanary(state);
                record(state, "rolled-back", AUTOMATION, "a scoring replica failed to load " + version + ": "
                        + detail, null, true);
            }
        });
    }

    /** An operator's action, with the reason it is taken (required); see {@link OperatorAction}. */
    public RolloutState operate(String modelName, OperatorAction action, String version, Integer weight,
            String actor, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("every operator action needs a reason");
            }
            RolloutState state = stateOf(modelName);
            String canary = state.canaryVersion;
            action.apply(this, state, version, weight);
            if (action == OperatorAction.PIN && canary != null) {
                // A pin ends a running canary: the history says so in a row of its own, before the pin.
                record(state, "canary-ended", actor, "canary " + canary + " ended by the pin of " + version + ": "
                        + reason, null, false);
            }
            record(state, action.code(), actor, reason, null, action.changesServing());
            return state;
        });
    }

    /** The state of a model (a fresh IDLE state if it has none yet). */
    public RolloutState stateOf(String modelName) {
        RolloutState state = RolloutState.findById(modelName);
        if (state == null) {
            // A model's first candidate and an operator's first read may both get here: the loser of the
            // insert waits for the winner's commit, inserts nothing, and then reads the winner's row.
            RolloutState.getEntityManager().createNativeQuery("""
                    insert into rollout_state (model_name, phase, updated_at) values (?1, 'IDLE', ?2)
                    on conflict (model_name) do nothing""")
                    .setParameter(1, modelName).setParameter(2, Timestamp.from(clock.instant()))
                    .executeUpdate();
            state = RolloutState.findById(modelName);
        }
        return state;
    }

    /** The state of a model for a reader: never creates one. */
    public RolloutState existingStateOf(String modelName) {
        RolloutState state = RolloutState.findById(modelName);
        if (state == null) {
            throw new RolloutNotFoundException(modelName);
        }
        return state;
    }

    /** The evidence a decision about the running canary would use now. */
    public Map<String, Evidence> currentEvidence(RolloutState state) {
        Map<String, Evidence> result = new LinkedHashMap<>();
        Instant since = state.canaryStartedAt == null ? Instant.EPOCH : state.canaryStartedAt;
        result.put("canary", evidence.evidence(state.modelName, state.canaryVersion, "canary", since));
        result.put("stable", evidence.evidence(state.modelName, state.stableVersion, "stable", since));
        return result;
    }

    void startCanary(RolloutState state, String version, int weight) {
        state.canaryVersion = version;
        state.canaryWeight = weight;
        state.phase = RolloutPhase.CANARY;
        state.canaryStartedAt = clock.instant();
        state.stepStartedAt = state.canaryStartedAt;
    }

    void promoteCanary(RolloutState state) {
        state.stableVersion = state.canaryVersion;
        clearCanary(state);
    }

    void rollBackCanary(RolloutState state) {
        clearCanary(state);
    }

    int firstWeight() {
        return policy.firstWeight();
    }

    Instant now() {
        return clock.instant();
    }

    private static void clearCanary(RolloutState state) {
        state.canaryVersion = null;
        state.canaryWeight = 0;
        state.phase = RolloutPhase.IDLE;
        state.canaryStartedAt = null;
        state.stepStartedAt = null;
    }

    private void record(RolloutState state, String action, String actor, String reason, String evidenceJson,
            boolean publish) {
        Instant now = clock.instant();
        RolloutEvent event = new RolloutEvent();
        event.modelName = state.modelName;
        event.action = action;
        event.toPhase = state.phase.name();
        event.stableVersion = state.stableVersion;
        event.canaryVersion = state.canaryVersion;
        event.canaryWeight = state.canaryWeight;
        event.pinned = state.pinned;
        event.actor = actor;
        event.reason = reason;
        event.evidence = evidenceJson;
        event.occurredAt = now;
        event.persist();
        LOG.infof("rollout %s: %s by %s: %s", LogText.quoted(state.modelName), action, LogText.quoted(actor),
                LogText.quoted(reason));
        if (publish) {
            state.updatedAt = now;
            outbox.stage(rolloutTopic, state.modelName, new RolloutStateChanged(OutboxWriter.newEventId(), now,
                    RolloutStateChanged.SCHEMA_VERSION, state.modelName, state.stableVersion, state.canaryVersion,
                    state.canaryWeight, null, 0, state.pinned, actor, reason));
        }
    }

    private String evidenceJson(Evidence canary, Evidence stable) {
        try {
            return mapper.writeValueAsString(Map.of("canary", canary, "stable", stable));
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
