package org.karyoloop.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.Grade;

/** Grades at the calibrated GOOD threshold, not by argmax; uncertainty from entropy. */
class GradeRuleTest {

    private final GradeRule rule = new GradeRule(List.of("POOR", "FAIR", "GOOD"), 0.3);

    @Test
    void goodIsDecidedAtTheThresholdNotByArgmax() {
        assertThat(rule.grade(new float[] {0.4f, 0.25f, 0.35f})).isEqualTo(Grade.GOOD);
        assertThat(rule.grade(new float[] {0.2f, 0.55f, 0.25f})).isEqualTo(Grade.FAIR);
        assertThat(new GradeRule(List.of("POOR", "FAIR", "GOOD"), 0.9).grade(new float[] {0.05f, 0.1f, 0.85f}))
                .isEqualTo(Grade.FAIR);
        assertThat(rule.grade(new float[] {0.6f, 0.2f, 0.2f})).isEqualTo(Grade.POOR);
    }

    @Test
    void uncertaintyIsZeroWhenSureAndOneWhenUniform() {
        assertThat(GradeRule.uncertainty(new float[] {1f, 0f, 0f})).isZero();
        assertThat(GradeRule.uncertainty(new float[] {1 / 3f, 1 / 3f, 1 / 3f})).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void classOrderWithoutAllGradesIsRefused() {
        assertThatThrownBy(() -> new GradeRule(List.of("GOOD", "BAD"), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
