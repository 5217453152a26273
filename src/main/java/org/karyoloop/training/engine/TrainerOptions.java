package org.karyoloop.training.engine;

import java.util.function.Consumer;

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
     * Wilson lower bound at z = 1, the parameters averaged over the second half of the epochs.
     */
    public static TrainerOptions defaults() {
        return new TrainerOptions(6, 32, 1e-3f, LossKind.FOCAL, 2f, 0.1f, true, true, 0.90, 5, 1.0, 0, 1, 0.25,
                CheckpointRule.AVERAGE);
    }

    public TrainerOptions withEpochs(int n) {
        return with(b -> b.epochs = n);
    }

    public TrainerOptions withLoss(LossKind kind) {
        return with(b -> b.loss = kind);
    }

    public TrainerOptions withSampling(boolean balance, boolean augmentation, int perEpoch) {
        return with(b -> {
            b.balanced = balance;
            b.augment = augmentation;
            b.samplesPerEpoch = perEpoch;
        });
    }

    public TrainerOptions withLearningRate(float lr) {
        return with(b -> b.learningRate = lr);
    }

    public TrainerOptions withBlurShare(double share) {
        return with(b -> b.blurShare = share);
    }

    public TrainerOptions withSeed(long newSeed) {
        return with(b -> b.seed = newSeed);
    }

    public TrainerOptions withCalibrationZ(double z) {
        return with(b -> b.calibrationZ = z);
    }

    public TrainerOptions withCheckpoint(CheckpointRule rule) {
        return with(b -> b.checkpoint = rule);
    }

    /** A copy with what {@code change} sets on a builder of these options (validated again). */
    private TrainerOptions with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** The fields of a {@link TrainerOptions}, to change a few of them. */
    private static final class Builder {
        int epochs;
        int batchSize;
        float learningRate;
        LossKind loss;
        float focalGamma;
        float puPrior;
        boolean balanced;
        boolean augment;
        double targetPrecision;
        int minPredictedGood;
        double calibrationZ;
        int samplesPerEpoch;
        long seed;
        double blurShare;
        CheckpointRule checkpoint;

        Builder(TrainerOptions o) {
            epochs = o.epochs;
            batchSize = o.batchSize;
            learningRate = o.learningRate;
            loss = o.loss;
            focalGamma = o.focalGamma;
            puPrior = o.puPrior;
            balanced = o.balanced;
            augment = o.augment;
            targetPrecision = o.targetPrecision;
            minPredictedGood = o.minPredictedGood;
            calibrationZ = o.calibrationZ;
            samplesPerEpoch = o.samplesPerEpoch;
            seed = o.seed;
            blurShare = o.blurShare;
            checkpoint = o.checkpoint;
        }

        TrainerOptions build() {
            return new TrainerOptions(epochs, batchSize, learningRate, loss, focalGamma, puPrior, balanced, augment,
                    targetPrecision, minPredictedGood, calibrationZ, samplesPerEpoch, seed, blurShare, checkpoint);
        }
    }
}
