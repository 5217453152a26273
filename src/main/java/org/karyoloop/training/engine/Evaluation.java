package org.karyoloop.training.engine;

import java.util.List;
import org.karyoloop.ml.GradeRule;
import org.karyoloop.ml.eval.Calibration;
import org.karyoloop.ml.eval.ThresholdCalibrator;

/**
 * A model's results on a labelled set at a GOOD threshold: the 3-class confusion matrix (rows true,
 * columns predicted, in {@link SpreadTrainer#CLASSES} order), accuracy and GOOD precision/recall.
 * Immutable.
 *
 * @param confusion counts [true][predicted]
 * @param threshold the GOOD threshold applied
 */
public record Evaluation(int[][] confusion, double threshold, double accuracy, double goodPrecision,
        double goodRecall) {

    /** Evaluates {@code probabilities} (class order) against {@code labels} at {@code threshold}. */
    public static Evaluation of(float[][] probabilities, int[] labels, double threshold) {
        GradeRule rule = new GradeRule(SpreadTrainer.CLASSES, threshold);
        int n = SpreadTrainer.CLASSES.size();
        int[][] confusion = new int[n][n];
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int predicted = SpreadTrainer.CLASSES.indexOf(rule.grade(probabilities[i]).name());
            confusion[labels[i]][predicted]++;
            correct += predicted == labels[i] ? 1 : 0;
        }
        int good = SpreadTrainer.GOOD;
        int tp = confusion[good][good];
        int predictedGood = column(confusion, good);
        int actualGood = 0;
        for (int k = 0; k < n; k++) {
            actualGood += confusion[good][k];
        }
        return new Evaluation(confusion, threshold, labels.length == 0 ? 0 : (double) correct / labels.length,
                predictedGood == 0 ? 0 : (double) tp / predictedGood, actualGood == 0 ? 0 : (double) tp / actualGood);
    }

    /** Images graded GOOD at the threshold, whatever their true grade. */
    public int goodPredictions() {
        return column(confusion, SpreadTrainer.GOOD);
    }

    /** Images graded GOOD at the threshold that are truly GOOD. */
    public int correctGoodPredictions() {
        return confusion[SpreadTrainer.GOOD][SpreadTrainer.GOOD];
    }

    private static int column(int[][] confusion, int predicted) {
        int sum = 0;
        for (int[] row : confusion) {
            sum += row[predicted];
        }
        return sum;
    }

    /** The operating-point calibration of P(GOOD) on a labelled set ({@link ThresholdCalibrator}). */
    public static Calibration calibrate(float[][] probabilities, int[] labels, double targetPrecision,
            int minPredictedGood, double z) {
        double[] pGood = new double[labels.length];
        boolean[] isGood = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            pGood[i] = probabilities[i][SpreadTrainer.GOOD];
            isGood[i] = labels[i] == SpreadTrainer.GOOD;
        }
        return new ThresholdCalibrator(targetPrecision, minPredictedGood, z).calibrate(pGood, isGood);
    }

    /**
     * Mean cross-entropy of {@code probabilities} (class order) against {@code labels}: minus the mean log of the
     * probability given to each image's label, floored at 1e-7 so that one confident mistake counts as a large,
     * finite loss.
     */
    public static double crossEntropy(float[][] probabilities, int[] labels) {
        if (labels.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(1e-7, probabilities[i][labels[i]]));
        }
        return sum / labels.length;
    }

    /** The labels of {@code examples}. */
    public static int[] labels(List<Example> examples) {
        return examples.stream().mapToInt(Example::label).toArray();
    }
}
