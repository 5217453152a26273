package org.karyoloop.training.engine;

/**
 * Which epoch's parameters a training run keeps. The GOOD threshold of the kept epoch is calibrated on
 * validation either way.
 */
public enum CheckpointRule {
    /**
     * The mean of the parameters of the second half of the epochs (stochastic weight averaging,
     * {@link ParameterAverage}): one model that varies less from run to run and from epoch to epoch than any single
     * epoch's, chosen without looking at validation at all.
     */
    AVERAGE,
    /**
     * The epoch with the lowest validation cross-entropy. The choice does not look at any threshold, so the
     * threshold calibrated afterwards on the same validation images is not also the luckiest of every epoch's.
     */
    VALIDATION_LOSS,
    /**
     * The epoch whose calibrated threshold does best at the operating point: eligible with the highest recall,
     * else the most precise. Picks, over the epochs, the calibration that happened to look best on validation,
     * so its precision on new images tends to fall below the validation figure.
     */
    CALIBRATED_RECALL
}
