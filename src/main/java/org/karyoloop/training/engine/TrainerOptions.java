package org.karyoloop.training.engine;

/**
 * How a model is trained.
 *
 * @param epochs passes over the (class-balanced) training sample
 * @param batchSize examples per step
 * @param learningRate Adam learning rate
 * @param loss which loss
 * @param focalGamma focal loss exponent
 * @param puPrior share of truly acceptable spreads among the legacy negatives (nnPU class prior)
 * @param balanced whether each step draws classes equally (otherwise uniformly over examples)
 * @param augment whether to flip, rotate, change brightness/contrast and (see {@code blurShare}) blur inputs
 * @param targetPrecision GOOD precision the calibrated threshold must reach
 * @param minPredictedGood fewest validation GOOD predictions a threshold must make
 * @param calibrationZ z of the Wilson lower bound of validation precision that must meet {@code targetPrecision}
 *                     (0 = the point estimate; {@link org.karyoloop.ml.eval.ThresholdCalibrator})
 * @param samplesPerEpoch examples drawn per epoch; 0 = the training set's size
 * @param seed random seed for sampling, augmentation and initialisation order
 * @param blurShare share of augmented inputs that are also blurred (3x3 mean); 0 where the input is sharp enough
 *                  that focus blur is one of the grade's defects (inputs cropped to the spread)
 * @param checkpoint which epoch's parameters are kept
 */
public record TrainerOptions(int epochs, int batchSize, float learningRate, LossKind loss, float focalGamma,
        float puPrior, boolean balanced, boolean augment, double targetPrecision, int minPredictedGood,
        double calibrationZ, int samplesPerEpoch, long seed, double blurShare, CheckpointRule checkpoint) {

    public TrainerOptions {
        if (epochs < 1 || batchSize < 2 || learningRate <= 0 || puPrior < 0 || puPrior >= 1
                || blurShare < 0 || blurShare > 1 || !(calibrationZ >= 0)) {
            throw new IllegalArgumentException(
                    "epochs >= 1, batchSize >= 2, learningRate > 0, 0 <= puPrior < 1, 0 <= blurShare <= 1, calibrationZ >= 0");
        }
        if (checkpoint == null) {
            throw new IllegalArgumentException("checkpoint rule must be given");
        }
    }

    /**
     * Sensible defaults: 6 epochs, batch 32, Adam 1e-3, focal loss, balanced, augmented, precision 0.90 on the
     * Wilson lower bound at z = 1, the checkpoint of the lowest validation loss.
     */
    public static TrainerOptions defaults() {
        return new TrainerOptions(6, 32, 1e-3f, LossKind.FOCAL, 2f, 0.1f, true, true, 0.90, 5, 1.0, 0, 1, 0.25,
                CheckpointRule.VALIDATION_LOSS);
    }

    public TrainerOptions withEpochs(int n) {
        return new TrainerOptions(n, batchSize, learningRate, loss, focalGamma, puPrior, balanced, augment,
                targetPrecision, minPredictedGood, calibrationZ, samplesPerEpoch, seed, blurShare, checkpoint);
    }

    public TrainerOptions withLoss(LossKind kind) {
        return new TrainerOptions(epochs, batchSize, learningRate, kind, focalGamma, puPrior, balanced, augment,
                targetPrecision, minPredictedGood, calibrationZ, samplesPerEpoch, seed, blurShare, checkpoint);
    }

    public TrainerOptions withSampling(boolean balance, boolean augmentation, int perEpoch) {
        return new TrainerOptions(epochs, batchSize, learningRate, loss, focalGamma, puPrior, balance, augmentation,
                targetPrecision, minPredictedGood, calibrationZ, perEpoch, seed, blurShare, checkpoint);
    }

    public TrainerOptions withLearningRate(float lr) {
        return new TrainerOptions(epochs, batchSize, lr, loss, focalGamma, puPrior, balanced, augment,
                targetPrecision, minPredictedGood, calibrationZ, samplesPerEpoch, seed, blurShare, checkpoint);
    }

    public TrainerOptions withBlurShare(double share) {
        return new TrainerOptions(epochs, batchSize, learningRate, loss, focalGamma, puPrior, balanced, augment,
                targetPrecision, minPredictedGood, calibrationZ, samplesPerEpoch, seed, share, checkpoint);
    }

    public TrainerOptions withSeed(long newSeed) {
        return new TrainerOptions(epochs, batchSize, learningRate, loss, focalGamma, puPrior, balanced, augment,
                targetPrecision, minPredictedGood, calibrationZ, samplesPerEpoch, newSeed, blurShare, checkpoint);
    }

    public TrainerOptions withCalibrationZ(double z) {
        return new TrainerOptions(epochs, batchSize, learningRate, loss, focalGamma, puPrior, balanced, augment,
                targetPrecision, minPredictedGood, z, samplesPerEpoch, seed, blurShare, checkpoint);
    }

    public TrainerOptions withCheckpoint(CheckpointRule rule) {
        return new TrainerOptions(epochs, batchSize, learningRate, loss, focalGamma, puPrior, balanced, augment,
                targetPrecision, minPredictedGood, calibrationZ, samplesPerEpoch, seed, blurShare, rule);
    }
}
