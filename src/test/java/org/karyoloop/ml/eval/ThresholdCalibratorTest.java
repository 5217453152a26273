package org.karyoloop.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

    @Test
    void picksTheHighestRecallThresholdWhosePrecisionMeetsTheTarget() {
        // Sorted by score: nine GOOD, a POOR at 0.50, a GOOD at 0.40 (10 of 11 = 0.909), then POOR.
        double[] p = {0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.50, 0.40, 0.30, 0.20};
        boolean[] good = {true, true, true, true, true, true, true, true, true, false, true, false, false};

        Calibration c = new ThresholdCalibrator(0.90, 1).calibrate(p, good);

        assertThat(c.eligible()).isTrue();
        assertThat(c.threshold()).isEqualTo(0.40);
        assertThat(c.precision()).isCloseTo(10.0 / 11, within(1e-9));
        assertThat(c.recall()).isEqualTo(1.0);
        assertThat(c.truePositives()).isEqualTo(10);
        assertThat(c.falsePositives()).isEqualTo(1);
        assertThat(c.falseNegatives()).isZero();
        assertThat(c.precisionLowerBound()).isCloseTo(WilsonInterval.lowerBound95(10, 11), within(1e-12));
    }

    @Test
    void aStricterTargetTradesRecallForPrecision() {
        double[] p = {0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.50, 0.40, 0.30, 0.20};
        boolean[] good = {true, true, true, true, true, true, true, true, true, false, true, false, false};

        Calibration c = new ThresholdCalibrator(0.95, 1).calibrate(p, good);

        assertThat(c.threshold()).isEqualTo(0.91);
        assertThat(c.precision()).isEqualTo(1.0);
        assertThat(c.recall()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void tiedScoresAreOneThresholdSoATieCannotBeSplitToReachTheTarget() {
        // Taking only the first image scored 0.9 would give precision 1.0; a threshold cannot do that.
        double[] p = {0.9, 0.9, 0.9, 0.1};
        boolean[] good = {true, false, true, true};

        Calibration c = new ThresholdCalibrator(0.9, 1).calibrate(p, good);

        assertThat(c.eligible()).isFalse();
        assertThat(c.precision()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void whenNoThresholdMeetsTheTargetTheCandidateSaysSoAndIsNotEligible() {
        double[] p = {0.9, 0.8, 0.7, 0.6};
        boolean[] good = {false, true, false, true};

        Calibration c = new ThresholdCalibrator(0.90, 1).calibrate(p, good);

        assertThat(c.eligible()).isFalse();
        assertThat(c.precision()).isLessThan(0.90);
    }

    @Test
    void whenNoThresholdMeetsTheTargetTheFallbackIsTheBestSupportedPrecisionNotALuckyFew() {
        // three GOOD on top (3 of 3: point precision 1.0, but a lower bound far under 0.95), then one POOR in six
        int n = 51;
        double[] p = new double[n];
        boolean[] good = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.99 - i * 0.01;
            good[i] = i < 3 || i % 6 != 3;
        }

        Calibration c = new ThresholdCalibrator(0.95, 3, 1).calibrate(p, good);

        assertThat(c.eligible()).isFalse();
        assertThat(c.truePositives() + c.falsePositives()).isGreaterThan(3);
        assertThat(c.precisionLowerBound()).isGreaterThan(WilsonInterval.lowerBound95(3, 3));
    }

    @Test
    void aThresholdAdmittingTooFewImagesDoesNotCount() {
        double[] p = {0.99, 0.8, 0.7, 0.6};
        boolean[] good = {true, false, true, false};

        Calibration c = new ThresholdCalibrator(0.90, 3).calibrate(p, good);

        assertThat(c.eligible()).isFalse();
    }

    @Test
    void onTheLowerBoundAThresholdWhosePointEstimatePassesCanFail() {
        // Nineteen GOOD, a POOR, a GOOD, then POOR: at 0.40, 20 of 21 right (0.952) meets 0.90 as a point
        // estimate, but its Wilson lower bound at z = 1 is about 0.88; at 0.81, 19 of 19 right has a bound of 0.95.
        double[] p = new double[22];
        boolean[] good = new boolean[22];
        for (int i = 0; i < 19; i++) {
            p[i] = 0.99 - i * 0.01;
            good[i] = true;
        }
        p[19] = 0.50;
        p[20] = 0.40;
        good[20] = true;
        p[21] = 0.30;
        assertThat(WilsonInterval.lowerBound(20, 21, 1.0)).isLessThan(0.90);
        assertThat(WilsonInterval.lowerBound(19, 19, 1.0)).isGreaterThanOrEqualTo(0.90);

        Calibration point = new ThresholdCalibrator(0.90, 1, 0).calibrate(p, good);
        Calibration bound = new ThresholdCalibrator(0.90, 1, 1.0).calibrate(p, good);

        assertThat(point.eligible()).isTrue();
        assertThat(point.threshold()).isEqualTo(0.40);
        assertThat(point.recall()).isEqualTo(1.0);
        assertThat(bound.eligible()).isTrue();
        assertThat(bound.threshold()).isCloseTo(0.81, within(1e-9));
        assertThat(bound.precision()).isEqualTo(1.0);
        assertThat(bound.recall()).isCloseTo(19.0 / 20, within(1e-9));
    }

    @Test
    void onTheLowerBoundTooFewRightPredictionsAreNotEnoughEvidence() {
        // Five of five right: precision 1.0, but at z = 1 the bound is 5/6 = 0.83, below 0.90.
        double[] p = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        boolean[] good = {true, true, true, true, true, false};

        assertThat(new ThresholdCalibrator(0.90, 1, 0).calibrate(p, good).eligible()).isTrue();
        assertThat(new ThresholdCalibrator(0.90, 1, 1.0).calibrate(p, good).eligible()).isFalse();
    }
}
