package org.karyoloop.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.karyoloop.events.ModelCandidateRegistered;
import org.karyoloop.ml.eval.Calibration;
import org.karyoloop.ml.eval.WilsonInterval;
import org.karyoloop.training.engine.Evaluation;
import org.karyoloop.training.engine.PrecisionRecallCurve;
import org.karyoloop.training.engine.SpreadTrainer;
import org.karyoloop.training.engine.TrainedModel;

/**
 * What a job reports about its candidate: calibration and metrics on validation, results on the frozen
 * evaluation set, the epoch table, the confusion matrix and the validation precision-recall curve (drawn by the
 * operators' page from the registry metrics). Immutable.
 *
 * <p>Eligible means: the validation calibration found a threshold that meets the target precision, and the frozen
 * evaluation set does not contradict it — once the candidate makes at least {@code minPredictedGood} GOOD
 * predictions there, the one-sided 95% Wilson upper bound of their precision must reach the target. (Validation is
 * a few dozen doctor labels; a candidate whose GOOD predictions on the frozen new-domain set are confidently worse
 * than the target must not reach doctors, not even as the first stable version.)
 */
public record CandidateReport(String ineligibleBecause, double threshold, double targetPrecision, int bestEpoch,
        Map<String, Double> validation, Map<String, Double> evaluation, int[][] confusion,
        List<ModelCandidateRegistered.Epoch> epochs, Map<String, Double> precisionRecallCurve) {

    /** The report of {@code trained}, with {@code frozen} results when the evaluation set was not empty. */
    public static CandidateReport of(TrainedModel trained, Evaluation frozen, double target, int minPredictedGood,
            int trainSize, int validationSize, int evaluationSize) {
        Calibration c = trained.calibration();
        Map<String, Double> validation = new LinkedHashMap<>();
        validation.put("good_precision", c.precision());
        validation.put("good_recall", c.recall());
        validation.put("good_precision_lower_bound", c.precisionLowerBound());
        validation.put("accuracy", trained.validation().accuracy());
        validation.put("examples", (double) validationSize);
        validation.put("train_examples", (double) trainSize);
        Map<String, Double> evaluation = new LinkedHashMap<>();
        String because = c.eligible() ? null : "no threshold met the precision target on validation";
        if (frozen != null) {
            int predictedGood = frozen.goodPredictions();
            double upper = WilsonInterval.upperBound95(frozen.correctGoodPredictions(), predictedGood);
            if (because == null && predictedGood >= Math.max(1, minPredictedGood) && upper < target) {
                because = String.format(Locale.ROOT, "the frozen evaluation set contradicts the validation "
                        + "calibration: %d of %d GOOD predictions right, precision at most %.3f (95%%) below the "
                        + "target %.2f", frozen.correctGoodPredictions(), predictedGood, upper, target);
            }
            evaluation.put("good_precision", frozen.goodPrecision());
            evaluation.put("good_precision_upper_bound", upper);
            evaluation.put("good_predictions", (double) predictedGood);
            evaluation.put("good_recall", frozen.goodRecall());
            evaluation.put("accuracy", frozen.accuracy());
            evaluation.put("examples", (double) evaluationSize);
        }
        List<ModelCandidateRegistered.Epoch> epochs = trained.epochs().stream()
                .map(e -> new ModelCandidateRegistered.Epoch(e.epoch(), e.loss(), e.learningRate(), e.trainLoss(),
                        e.accuracy(), e.goodPrecision(), e.goodRecall(), e.threshold(), e.eligible()))
                .toList();
        int[][] confusion = frozen != null ? frozen.confusion() : trained.validation().confusion();
        return new CandidateReport(because, c.threshold(), target, trained.bestEpoch(), validation, evaluation,
                confusion, epochs,
                PrecisionRecallCurve.metrics(trained.validationProbabilities(), trained.validationLabels()));
    }

    /** Whether the candidate may be promoted: nothing made it ineligible. */
    public boolean eligible() {
        return ineligibleBecause == null;
    }

    /**
     * Flat metrics for the model registry: validation as is, evaluation prefixed {@code eval_}, the confusion matrix
     * as {@code confusion_<doctors' grade>_<model's grade>} (frozen set, else validation) and the validation
     * precision-recall curve ({@link PrecisionRecallCurve}).
     */
    public Map<String, Double> registryMetrics() {
        Map<String, Double> m = new LinkedHashMap<>(validation);
        evaluation.forEach((k, v) -> m.put("eval_" + k, v));
        m.put("eligible", eligible() ? 1.0 : 0.0);
        m.put("target_precision", targetPrecision);
        m.put("best_epoch", (double) bestEpoch);
        for (int truth = 0; truth < confusion.length; truth++) {
            for (int predicted = 0; predicted < confusion[truth].length; predicted++) {
                m.put("confusion_" + SpreadTrainer.CLASSES.get(truth) + "_" + SpreadTrainer.CLASSES.get(predicted),
                        (double) confusion[truth][predicted]);
            }
        }
        m.putAll(precisionRecallCurve);
        return m;
    }
}
