package org.karyoloop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karyoloop.training.TriggerPolicy.Snapshot;
import org.karyoloop.training.TriggerPolicy.SourceDrift;

class TriggerPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    final TriggerPolicy policy = new TriggerPolicy(100, Duration.ofHours(24), 10, 0.25, 200);

    @Test
    void enoughNewLabelsRequestAJob() {
        assertThat(policy.evaluate(new Snapshot(100, NOW.minusSeconds(60), NOW, Map.of())))
                .hasValueSatisfying(d -> assertThat(d.trigger()).isEqualTo("labels"));
        assertThat(policy.evaluate(new Snapshot(99, NOW.minusSeconds(60), NOW, Map.of()))).isEmpty();
    }

    @Test
    void theFirstJobWaitsForTheLabelCount() {
        assertThat(policy.evaluate(new Snapshot(99, null, NOW, Map.of()))).isEmpty();
        assertThat(policy.evaluate(new Snapshot(100, null, NOW, Map.of()))).isPresent();
    }

    @Test
    void afterTheMaximumIntervalAFewNewLabelsSuffice() {
        Instant dayAgo = NOW.minus(Duration.ofHours(24));
        assertThat(policy.evaluate(new Snapshot(10, dayAgo, NOW, Map.of())))
                .hasValueSatisfying(d -> assertThat(d.trigger()).isEqualTo("interval"));
        assertThat(policy.evaluate(new Snapshot(9, dayAgo, NOW, Map.of()))).isEmpty();
        assertThat(policy.evaluate(new Snapshot(10, dayAgo.plusSeconds(1), NOW, Map.of()))).isEmpty();
    }

    @Test
    void aDriftedSourceRequestsAJobOnlyWithEnoughRecentImages() {
        Instant hourAgo = NOW.minusSeconds(3600);
        assertThat(policy.evaluate(new Snapshot(0, hourAgo, NOW, Map.of("scope-2", new SourceDrift(0.4, 500)))))
                .hasValueSatisfying(d -> {
                    assertThat(d.trigger()).isEqualTo("drift");
                    assertThat(d.reason()).contains("scope-2");
                });
        assertThat(policy.evaluate(new Snapshot(0, hourAgo, NOW, Map.of("scope-2", new SourceDrift(0.4, 199)))))
                .isEmpty();
        assertThat(policy.evaluate(new Snapshot(0, hourAgo, NOW, Map.of("scope-2", new SourceDrift(0.1, 500)))))
                .isEmpty();
    }
}
