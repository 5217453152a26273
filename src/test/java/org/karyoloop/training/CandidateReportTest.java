package org.karyoloop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.eval.Calibration;
import org.karyoloop.training.engine.Evaluation;
import org.karyoloop.training.engine.TrainedModel;

/** Eligibility of a candidate: the validation calibration, unless the frozen evaluation set contradicts it. */
class CandidateReportTest {

    private static final double TARGET = 0.9;

    @Test
    void candidateWhoseFrozenSetGoodPredictionsAreConfidentlyBelowTheTargetIsNotEligible() {
        Evaluation frozen = frozen(10, 0); // ten GOOD predictions, none right

        CandidateReport report = CandidateReport.of(trained(true), frozen, TARGET, 5, 100, 30, 40);

        assertThat(report.eligible()).isFalse();
        assertThat(report.ineligibleBecause()).contains("0 of 10 GOOD predictions right");
        assertThat(report.evaluation().get("good_precision_upper_bound")).isLessThan(TARGET);
        assertThat(report.registryMetrics()).containsEntry("eligible", 0.0);
    }

    @Test
    void candidateWhoseFrozenSetAgreesWithValidationStaysEligible() {
        CandidateReport report = CandidateReport.of(trained(true), frozen(10, 10), TARGET, 5, 100, 30, 40);

        assertThat(report.eligible()).isTrue();
        assertThat(report.ineligibleBecause()).isNull();
        assertThat(report.evaluation().get("good_predictions")).isEqualTo(10.0);
    }

    @Test
    void fewerFrozenGoodPredictionsThanTheMinimumAreNotJudged() {
        CandidateReport report = CandidateReport.of(trained(true), frozen(3, 0), TARGET, 5, 100, 30, 40);

        assertThat(report.eligible()).isTrue();
    }

    @Test
    void candidateWithoutAThresholdOnValidationIsNotEligibleWhateverTheFrozenSetSays() {
        CandidateReport report = CandidateReport.of(trained(false), frozen(10, 10), TARGET, 5, 100, 30, 40);

        assertThat(report.eligible()).isFalse();
        assertThat(report.ineligibleBecause()).contains("no threshold met the precision target");
    }

    @Test
    void withoutAFrozenSetTheValidationCalibrationDecides() {
        assertThat(CandidateReport.of(trained(true), null, TARGET, 5, 100, 30, 0).eligible()).isTrue();
    }

    /** {@code predicted} images predicted GOOD at threshold 0.5, {@code right} of them truly GOOD, plus 20 POOR. */
    private static Evaluation frozen(int predicted, int right) {
        int n = predicted + 20;
        float[][] p = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            boolean predictedGood = i < predicted;
            p[i] = predictedGood ? new float[] {0.8f, 0.1f, 0.1f} : new float[] {0.1f, 0.1f, 0.8f};
            labels[i] = predictedGood && i < right ? 0 : 2;
        }
        return Evaluation.of(p, labels, 0.5);
    }

    private static TrainedModel trained(boolean eligible) {
        float[][] p = {{0.9f, 0.05f, 0.05f}, {0.8f, 0.1f, 0.1f}, {0.1f, 0.2f, 0.7f}, {0.2f, 0.7f, 0.1f}};
        int[] labels = {0, 0, 2, 1};
        Calibration c = new Calibration(eligible, TARGET, 0.5, eligible ? 1.0 : 0.5, 1.0, 0.3, 2, 0, 0);
        return new TrainedModel(new byte[] {1}, 1, c, Evaluation.of(p, labels, 0.5), List.of(), p, labels);
    }
}
