package org.karyoloop.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karyoloop.events.ModelCandidateRegistered;
import org.karyoloop.ml.eval.Calibration;
import org.karyoloop.training.engine.Evaluation;
import org.karyoloop.training.engine.Plots;
import org.karyoloop.training.engine.TrainedModel;

/**
 * What a job reports about its candidate: calibration and metrics on validation, results on the frozen
 * evaluation set, the epoch table, and the two plots (PNG). Immutable.
 */
public record CandidateReport(boolean eligible, double threshold, double targetPrecision, int bestEpoch,
        Map<String, Double> validation, Map<String, Double> evaluation, int[][] confusion,
        List<ModelCandidateRegistered.Epoch> epochs, byte[] prCurvePng, byte[] confusionPng) {

    /** The report of {@code trained}, with {@code frozen} results when the evaluation set was not empty. */
    public static CandidateReport of(TrainedModel trained, Evaluation frozen, double target, int trainSize,
            int validationSize, int evaluationSize) {
        Calibration c = trained.calibration();
        Map<String, Double> validation = new LinkedHashMap<>();
        validation.put("good_precision", c.precision());
        validation.put("good_recall", c.recall());
        validation.put("good_precision_lower_bound", c.precisionLowerBound());
        validation.put("accuracy", trained.validation().accuracy());
        validation.put("examples", (double) validationSize);
        validation.put("train_examples", (double) trainSize);
        Map<String, Double> evaluation = new LinkedHashMap<>();
        if (frozen != null) {
            evaluation.put("good_precision", frozen.goodPrecision());
            evaluation.put("good_recall", frozen.goodRecall());
            evaluation.put("accuracy", frozen.accuracy());
            evaluation.put("examples", (double) evaluationSize);
        }
        List<ModelCandidateRegistered.Epoch> epochs = trained.epochs().stream()
                .map(e -> new ModelCandidateRegistered.Epoch(e.epoch(), e.loss(), e.learningRate(), e.trainLoss(),
                        e.accuracy(), e.goodPrecision(), e.goodRecall(), e.threshold(), e.eligible()))
                .toList();
        int[][] confusion = frozen != null ? frozen.confusion() : trained.validation().confusion();
        byte[] pr = Plots.precisionRecall(trained.validationProbabilities(), trained.validationLabels(), c.recall(),
                c.precision(), target);
        byte[] cm = Plots.confusion(confusion, frozen != null ? "confusion on the frozen evaluation set"
                : "confusion on validation (no frozen evaluation images yet)");
        return new CandidateReport(c.eligible(), c.threshold(), target, trained.bestEpoch(), validation, evaluation,
                confusion, epochs, pr, cm);
    }

    /** Flat metrics for the model registry: validation as is, evaluation prefixed {@code eval_}. */
    public Map<String, Double> registryMetrics() {
        Map<String, Double> m = new LinkedHashMap<>(validation);
        evaluation.forEach((k, v) -> m.put("eval_" + k, v));
        m.put("eligible", eligible ? 1.0 : 0.0);
        m.put("target_precision", targetPrecision);
        m.put("best_epoch", (double) bestEpoch);
        return m;
    }
}
