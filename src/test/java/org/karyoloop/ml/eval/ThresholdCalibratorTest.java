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
    void aThresholdAdmittingTooFewImagesDoesNotCount() {
        double[] p = {0.99, 0.8, 0.7, 0.6};
        boolean[] good = {true, false, true, false};

        Calibration c = new ThresholdCalibrator(0.90, 3).calibrate(p, good);

        assertThat(c.eligible()).isFalse();
    }
}
