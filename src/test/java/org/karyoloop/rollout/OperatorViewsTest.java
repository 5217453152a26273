package org.karyoloop.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timeline buckets and the live statistics derived from raw counts. */
class OperatorViewsTest {

    @Test
    void bucketsAreMinutesHoursOrDaysWithinOneMinuteToThirtyDays() {
        assertThat(OperatorViews.parseBucket("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(OperatorViews.parseBucket("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(OperatorViews.parseBucket(" 7d ")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> OperatorViews.parseBucket("0m")).hasMessageContaining("between 1m and 30d");
        assertThatThrownBy(() -> OperatorViews.parseBucket("31d")).hasMessageContaining("between 1m and 30d");
        assertThatThrownBy(() -> OperatorViews.parseBucket("1w")).hasMessageContaining("15m, 1h or 1d");
        assertThatThrownBy(() -> OperatorViews.parseBucket(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesAreAbsentWithoutEvidenceRatherThanZero() {
        LiveStats none = LiveStats.of(null, "v1", "canary", 0, 0, 0, 0, 0, 0);
        assertThat(none.goodRate()).isNull();
        assertThat(none.precision()).isNull();
        assertThat(none.precisionLowerBound()).isNull();
        assertThat(none.recall()).isNull();
    }

    @Test
    void precisionCarriesItsWilsonLowerBoundAsThePolicyComputesIt() {
        LiveStats s = LiveStats.of(null, "v2", "canary", 14, 9, 12, 8, 5, 6);
        assertThat(s.goodRate()).isEqualTo(9 / 14.0);
        assertThat(s.precision()).isEqualTo(0.625);
        assertThat(s.precisionLowerBound()).isCloseTo(0.348, org.assertj.core.data.Offset.offset(0.001));
        assertThat(s.recall()).isEqualTo(5 / 6.0);
    }
}
