package org.karyoloop.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutPolicyTest {

    static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    static RolloutConfig config() {
        return new RolloutConfig() {
            public double targetPrecision() {
                return 0.90;
            }

            public double recallTolerance() {
                return 0.05;
            }

            public int minCanaryLabels() {
                return 30;
            }

            public int minCanaryGoodPredictions() {
                return 10;
            }

            public Duration minStepDuration() {
                return Duration.ofMinutes(10);
            }

            public Duration canaryDeadline() {
                return Duration.ofHours(24);
            }

            public List<Integer> weightSteps() {
                return List.of(10, 50, 100);
            }

            public Duration maxCanaryP99Latency() {
                return Duration.ofSeconds(5);
            }

            public int minCanaryScoredForLatency() {
                return 50;
            }

            public Duration evaluationInterval() {
                return Duration.ofSeconds(15);
            }

            @Override
            public Duration metricsInterval() {
                return Duration.ofSeconds(30);
            }
        };
    }

    final RolloutPolicy policy = new RolloutPolicy(config());
    final Evidence stable = new Evidence(1000, 100, 20, 19, 25, 80);

    @Test
    void strongLiveEvidenceAdvancesThroughEveryStepAndThenPromotes() {
        Evidence canary = new Evidence(400, 60, 40, 40, 45, 90);
        Instant later = T0.plus(Duration.ofMinutes(11));

        assertThat(policy.decide(10, T0, T0, canary, stable, later).kind()).isEqualTo(Decision.Kind.ADVANCE);
        assertThat(policy.decide(10, T0, T0, canary, stable, later).weight()).isEqualTo(50);
        assertThat(policy.decide(50, T0, T0, canary, stable, later).weight()).isEqualTo(100);
        assertThat(policy.decide(100, T0, T0, canary, stable, later).kind()).isEqualTo(Decision.Kind.PROMOTE);
    }

    @Test
    void aCanaryWhosePrecisionIsClearlyBelowTargetIsRolledBackAtOnce() {
        Evidence canary = new Evidence(100, 30, 20, 10, 12, 90);

        Decision d = policy.decide(10, T0, T0, canary, stable, T0.plusSeconds(60));

        assertThat(d.kind()).isEqualTo(Decision.Kind.ROLL_BACK);
        assertThat(d.reason()).contains("10/20");
    }

    @Test
    void tooLittleTrafficWaitsAndThenRollsBackAtTheDeadlineNeverPromotes() {
        Evidence trickle = new Evidence(20, 5, 3, 3, 3, 90);

        assertThat(policy.decide(10, T0, T0, trickle, stable, T0.plus(Duration.ofHours(23))).kind())
                .isEqualTo(Decision.Kind.WAIT);
        Decision atDeadline = policy.decide(10, T0, T0, trickle, stable, T0.plus(Duration.ofHours(24)));
        assertThat(atDeadline.kind()).isEqualTo(Decision.Kind.ROLL_BACK);
        assertThat(atDeadline.reason()).contains("deadline");
    }

    @Test
    void goodPrecisionOnFewLabelsIsNotEnoughEvidence() {
        Evidence lucky = new Evidence(300, 40, 10, 10, 10, 90);

        Decision d = policy.decide(10, T0, T0, lucky, stable, T0.plus(Duration.ofHours(1)));

        assertThat(d.kind()).isEqualTo(Decision.Kind.WAIT);
        assertThat(d.reason()).contains("lower bound");
    }

    @Test
    void aStepShorterThanTheMinimumDurationWaits() {
        Evidence canary = new Evidence(400, 60, 40, 40, 45, 90);

        assertThat(policy.decide(10, T0, T0, canary, stable, T0.plus(Duration.ofMinutes(5))).kind())
                .isEqualTo(Decision.Kind.WAIT);
    }

    @Test
    void recallMuchWorseThanStableRollsBack() {
        Evidence timid = new Evidence(400, 100, 30, 30, 80, 90);
        Evidence generousStable = new Evidence(1000, 100, 40, 38, 45, 80);

        Decision d = policy.decide(10, T0, T0, timid, generousStable, T0.plus(Duration.ofMinutes(11)));

        assertThat(d.kind()).isEqualTo(Decision.Kind.ROLL_BACK);
        assertThat(d.reason()).contains("recall");
    }

    @Test
    void slowCanaryIsRolledBack() {
        Evidence slow = new Evidence(100, 0, 0, 0, 0, 9000);

        assertThat(policy.decide(10, T0, T0, slow, stable, T0.plusSeconds(30)).kind())
                .isEqualTo(Decision.Kind.ROLL_BACK);
    }
}
