package org.karyoloop.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void lowerBoundMatchesTheWilsonFormula() {
        assertThat(WilsonInterval.lowerBound95(9, 10)).isCloseTo(0.65228, within(1e-4));
        assertThat(WilsonInterval.lowerBound95(90, 100)).isCloseTo(0.83964, within(1e-4));
    }

    @Test
    void perfectSmallSamplesAreNotProofOfPerfection() {
        assertThat(WilsonInterval.lowerBound95(10, 10)).isCloseTo(0.78706, within(1e-4));
        assertThat(WilsonInterval.lowerBound95(0, 10)).isZero();
        assertThat(WilsonInterval.lowerBound95(0, 0)).isZero();
    }

    @Test
    void moreEvidenceTightensTheBound() {
        assertThat(WilsonInterval.lowerBound95(900, 1000)).isGreaterThan(WilsonInterval.lowerBound95(90, 100));
    }

    @Test
    void upperBoundIsOneMinusTheLowerBoundOfTheFailures() {
        assertThat(WilsonInterval.upperBound95(1, 10)).isCloseTo(1 - 0.65228, within(1e-4));
        assertThat(WilsonInterval.upperBound95(0, 10)).isCloseTo(1 - 0.78706, within(1e-4));
        assertThat(WilsonInterval.upperBound95(0, 0)).isEqualTo(1.0);
    }
}
