package org.karyoloop.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.rollout.persistence.RolloutEvent;
import org.karyoloop.rollout.persistence.RolloutState;
import org.karyoloop.testing.KafkaTestClient;

/**
 * The rollout role against the real broker and database: candidates arrive on models.candidates,
 * live evidence on images.scored and labels.submitted, and every decision appears on models.rollout.
 */
@QuarkusTest
class RolloutIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Inject
    RolloutService rollouts;

    @Inject
    ObjectMapper mapper;

    KafkaTestClient kafka;
    KafkaTestClient.Watch rolloutTopic;
    String model;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient();
        rolloutTopic = kafka.watch("models.rollout");
        model = "it-model-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        rolloutTopic.close();
        kafka.close();
    }

    @Test
    void goodCandidateIsPromotedOnLiveEvidenceAndABadOneNeverBecomesStable() throws Exception {
        candidate("v1", true);
        awaitState(s -> "v1".equals(s.stableVersion));

        candidate("v2", true);
        awaitState(s -> "v2".equals(s.canaryVersion) && s.canaryWeight == 10);
        // The canary grades 61 spreads GOOD and doctors agree with 60; 20 POOR ones are agreed POOR.
        // (39 of 40 would not do: its Wilson lower bound, 0.895, is below the 0.90 target.)
        evidence("v2", "canary", 60, 1, 20);
        evidence("v1", "stable", 10, 1, 30);
        awaitEvidenceOrDecision("v2", 81);
        assertThat(evaluateUntilDone()).isEqualTo(Decision.Kind.PROMOTE);
        RolloutState promoted = state();
        assertThat(promoted.stableVersion).isEqualTo("v2");
        assertThat(promoted.canaryVersion).isNull();
        assertThat(published()).anySatisfy(r -> {
            assertThat(r.get("stableVersion")).isEqualTo("v2");
            assertThat(r.get("changedBy")).isEqualTo("rollout");
        });

        candidate("v3", true);
        awaitState(s -> "v3".equals(s.canaryVersion));
        // A model trained on shuffled labels: half of its GOOD calls are wrong.
        evidence("v3", "canary", 10, 10, 20);
        awaitEvidenceOrDecision("v3", 40);
        assertThat(evaluateUntilDone()).isEqualTo(Decision.Kind.ROLL_BACK);
        assertThat(state().stableVersion).isEqualTo("v2");
        assertThat(state().canaryVersion).isNull();

        candidate("v4", false);
        awaitHistory("candidate-rejected");
        assertThat(state().canaryVersion).isNull();

        List<RolloutEvent> history = history();
        assertThat(history).extracting(e -> e.action).containsSubsequence("bootstrap", "canary-started",
                "canary-advanced", "canary-advanced", "promoted", "canary-started", "rolled-back",
                "candidate-rejected");
        assertThat(history).allSatisfy(e -> assertThat(e.reason).isNotBlank());
        assertThat(history.stream().filter(e -> e.action.equals("rolled-back")).findFirst().orElseThrow().evidence)
                .contains("\"truePositives\":10");
    }

    @Test
    void automationDoesNotMoveAPinnedModel() throws Exception {
        candidate("p1", true);
        awaitState(s -> "p1".equals(s.stableVersion));
        rollouts.operate(model, OperatorAction.PIN, "p1", null, "dr-ops", "validation study in progress");

        candidate("p2", true);
        awaitHistory("candidate-ignored");

        RolloutState state = state();
        assertThat(state.stableVersion).isEqualTo("p1");
        assertThat(state.canaryVersion).isNull();
        assertThat(state.pinned).isTrue();
        assertThat(history()).anySatisfy(e -> {
            assertThat(e.action).isEqualTo("pinned");
            assertThat(e.actor).isEqualTo("dr-ops");
        });
    }

    @Test
    void aPinDuringACanaryIsRecordedAsEndingItAndEveryActionNeedsAReason() throws Exception {
        candidate("e1", true);
        awaitState(s -> "e1".equals(s.stableVersion));
        candidate("e2", true);
        awaitState(s -> "e2".equals(s.canaryVersion));
        assertThatThrownBy(() -> rollouts.operate(model, OperatorAction.PIN, "e1", null, "dr-ops", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThat(state().canaryVersion).as("a refused action changes nothing").isEqualTo("e2");

        rollouts.operate(model, OperatorAction.PIN, "e1", null, "dr-ops", "canary looks wrong on slide 7");

        List<RolloutEvent> history = history();
        assertThat(history).extracting(e -> e.action).containsSubsequence("canary-started", "canary-ended", "pinned");
        RolloutEvent ended = history.stream().filter(e -> e.action.equals("canary-ended")).findFirst().orElseThrow();
        assertThat(ended.actor).isEqualTo("dr-ops");
        assertThat(ended.reason).contains("e2", "e1", "canary looks wrong on slide 7");
        assertThat(state().canaryVersion).isNull();
        assertThat(state().pinned).isTrue();
    }

    /** Evaluates until the canary is decided; the scheduled evaluator may decide first, then its record counts. */
    private Decision.Kind evaluateUntilDone() {
        for (int i = 0; i < 10; i++) {
            if (state().canaryVersion == null) {
                String last = history().get(history().size() - 1).action;
                return last.equals("promoted") ? Decision.Kind.PROMOTE : Decision.Kind.ROLL_BACK;
            }
            Decision d;
            try {
                d = rollouts.evaluate(model);
            } catch (RuntimeException raced) {
                // The scheduled evaluator changed the state row at the same moment (optimistic lock): look again.
                continue;
            }
            if (d.kind() == Decision.Kind.PROMOTE || d.kind() == Decision.Kind.ROLL_BACK) {
                return d.kind();
            }
        }
        throw new AssertionError("no decision after 10 evaluations: " + rollouts.evaluate(model));
    }

    private void candidate(String version, boolean eligible) throws Exception {
        send("models.candidates", model, Map.of("modelName", model, "modelVersion", version, "eligible", eligible,
                "goodPrecision", 0.93, "goodRecall", 0.6, "goodThreshold", 0.7));
    }

    /** Scored events for {@code version} in {@code arm}, and final labels: tp GOOD/GOOD, fp GOOD/POOR, tn POOR/POOR. */
    private void evidence(String version, String arm, int tp, int fp, int tn) throws Exception {
        for (int i = 0; i < tp + fp + tn; i++) {
            UUID image = UUID.randomUUID();
            Grade predicted = i < tp + fp ? Grade.GOOD : Grade.POOR;
            Grade truth = i < tp ? Grade.GOOD : Grade.POOR;
            send("images.scored", image.toString(), new ImageScored(UUID.randomUUID(), Instant.now(), 1, image,
                    "0".repeat(64), "scope", "slide", true, model, version, arm,
                    Map.of("GOOD", predicted == Grade.GOOD ? 0.9 : 0.1), predicted, 0.7, 0.2, 120, "brightfield", true,
                    null));
            send("labels.submitted", image.toString(), new LabelSubmitted(UUID.randomUUID(), Instant.now(), 1,
                    image, UUID.randomUUID(), UUID.randomUUID(), "dr-a", truth, null, List.of(), null, "single", true,
                    "doctor", "canary-audit", model, version, arm));
        }
    }

    private void send(String topic, String key, Object event) throws Exception {
        kafka.send(topic, key, mapper.writeValueAsString(event).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * Waits until the canary's labelled evidence is all in, or the scheduled evaluator already decided
     * on part of it (it runs every 2 s in tests, and a clear verdict needs no more evidence).
     */
    private void awaitEvidenceOrDecision(String canary, long labelled) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            RolloutState s = rollouts.stateOf(model);
            return !canary.equals(s.canaryVersion) || rollouts.currentEvidence(s).get("canary").labelled() >= labelled;
        }));
    }

    private void awaitState(java.util.function.Predicate<RolloutState> condition) {
        await().atMost(WAIT).until(() -> condition.test(state()));
    }

    private void awaitHistory(String action) {
        await().atMost(WAIT).until(() -> history().stream().anyMatch(e -> e.action.equals(action)));
    }

    private RolloutState state() {
        return QuarkusTransaction.requiringNew().call(() -> rollouts.stateOf(model));
    }

    private List<RolloutEvent> history() {
        return QuarkusTransaction.requiringNew()
                .call(() -> RolloutEvent.<RolloutEvent>list("modelName = ?1 order by id", model));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> published() throws Exception {
        var records = rolloutTopic.await(r -> model.equals(r.key()), 100, Duration.ofSeconds(5));
        var result = new java.util.ArrayList<Map<String, Object>>();
        for (var r : records) {
            result.add(mapper.readValue(r.value(), Map.class));
        }
        return result;
    }
}
