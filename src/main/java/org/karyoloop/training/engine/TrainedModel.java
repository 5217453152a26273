package org.karyoloop.training.engine;

import java.util.List;
import org.karyoloop.ml.eval.Calibration;

/**
 * What a training run produced: the DJL parameters it kept ({@link CheckpointRule}), their calibration on
 * validation, every epoch's metrics, and the kept parameters' validation results (for the confusion matrix and the
 * precision-recall curve).
 *
 * @param artifact DJL .params bytes of {@link SpreadTrainer#ARCHITECTURE}, loadable by the registry
 * @param bestEpoch 1-based epoch of the kept checkpoint; for {@link CheckpointRule#AVERAGE} the last epoch
 *                  averaged
 */
public record TrainedModel(byte[] artifact, int bestEpoch, Calibration calibration, Evaluation validation,
        List<EpochMetrics> epochs, float[][] validationProbabilities, int[] validationLabels) {
}
