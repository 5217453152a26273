package org.karyoloop.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.preprocess.PreprocessRecipe;

/** Which epoch a training run keeps, and the validation loss it is chosen by. */
class CheckpointRuleTest {

    @Test
    void byDefaultTheKeptModelIsTheAverageOfTheSecondHalfWhichNoSingleEpochWas() {
        TrainerOptions options = TrainerOptions.defaults().withEpochs(6).withSampling(true, true, 256);
        List<EpochMetrics> seen = new ArrayList<>();

        TrainedModel trained = train(options, seen);

        assertThat(options.checkpoint()).isEqualTo(CheckpointRule.AVERAGE);
        assertThat(trained.bestEpoch()).isEqualTo(6);
        double loss = Evaluation.crossEntropy(trained.validationProbabilities(), trained.validationLabels());
        assertThat(seen).allSatisfy(m -> assertThat(m.validationLoss()).isNotCloseTo(loss, within(1e-9)));
        assertThat(trained.calibration()).isEqualTo(Evaluation.calibrate(trained.validationProbabilities(),
                trained.validationLabels(), options.targetPrecision(), options.minPredictedGood(),
                options.calibrationZ()));
    }

    @Test
    void theValidationLossRuleKeepsTheEpochWithTheLowestValidationLossAndItsThreshold() {
        TrainerOptions options = TrainerOptions.defaults().withEpochs(5).withSampling(true, true, 256)
                .withCheckpoint(CheckpointRule.VALIDATION_LOSS);
        List<EpochMetrics> seen = new ArrayList<>();

        TrainedModel trained = train(options, seen);

        EpochMetrics lowest = seen.stream().min(Comparator.comparingDouble(EpochMetrics::validationLoss))
                .orElseThrow();
        assertThat(trained.bestEpoch()).isEqualTo(lowest.epoch());
        assertThat(trained.calibration().threshold()).isEqualTo(lowest.threshold());
        assertThat(Evaluation.crossEntropy(trained.validationProbabilities(), trained.validationLabels()))
                .isCloseTo(lowest.validationLoss(), within(1e-9));
    }

    @Test
    void theCalibratedRecallRuleKeepsTheEpochWhoseCalibrationLooksBestOnValidation() {
        TrainerOptions options = TrainerOptions.defaults().withEpochs(5).withSampling(true, true, 256)
                .withCheckpoint(CheckpointRule.CALIBRATED_RECALL);
        List<EpochMetrics> seen = new ArrayList<>();

        TrainedModel trained = train(options, seen);

        // eligible with the highest recall, else the most precise (recall breaking ties)
        Comparator<EpochMetrics> atTheOperatingPoint = Comparator.comparing(EpochMetrics::eligible)
                .thenComparingDouble(
                        m -> m.eligible() ? m.goodRecall() : m.goodPrecision() * 0.99 + m.goodRecall() * 0.01);
        EpochMetrics best = seen.stream().max(atTheOperatingPoint).orElseThrow();
        EpochMetrics kept = seen.get(trained.bestEpoch() - 1);
        assertThat(atTheOperatingPoint.compare(kept, best)).isZero();
        assertThat(trained.calibration().threshold()).isEqualTo(kept.threshold());
    }

    @Test
    void crossEntropyIsMinusTheMeanLogOfTheLabelsProbabilityWithCertainMistakesFinite() {
        float[][] p = {{0.5f, 0.25f, 0.25f}, {0f, 1f, 0f}, {1f, 0f, 0f}};

        double loss = Evaluation.crossEntropy(p, new int[] {0, 1, 2});

        assertThat(loss).isCloseTo((-Math.log(0.5) - Math.log(1) - Math.log(1e-7)) / 3, within(1e-6));
    }

    @Test
    void optionsWithoutACheckpointRuleAreRefused() {
        assertThatThrownBy(() -> TrainerOptions.defaults().withCheckpoint(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkpoint");
    }

    private static TrainedModel train(TrainerOptions options, List<EpochMetrics> seen) {
        return new SpreadTrainer(PreprocessRecipe.measurements(), options, SpreadNet.MEASURES).train(
                ToyExamples.measured(200, 11), ToyExamples.measured(90, 12), null, () -> false, seen::add);
    }
}
