package org.karyoloop.training.engine;

/**
 * One epoch's results, the row the lab kept for every experiment: loss, learning rate, validation
 * loss and accuracy, and GOOD precision/recall at the threshold calibrated on validation after this epoch.
 *
 * @param trainLoss mean training loss of the epoch's steps
 * @param validationLoss mean cross-entropy on validation ({@link Evaluation#crossEntropy})
 * @param eligible whether the calibrated threshold met the precision target
 * @param precisionLowerBound one-sided 95% Wilson lower bound of the GOOD precision
 */
public record EpochMetrics(int epoch, String loss, double learningRate, double trainLoss, double validationLoss,
        double accuracy, double goodPrecision, double goodRecall, double threshold, boolean eligible,
        double precisionLowerBound, double seconds) {
}
