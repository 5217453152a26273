package org.karyoloop.training.engine;

import java.util.List;
import org.karyoloop.ml.eval.Calibration;

/**
 * What a training run produced: the DJL parameters of the checkpoint that was best at the operating
 * point (not the best accuracy), its calibration on validation, every epoch's metrics, and the kept
 * checkpoint's validation results (for the confusion matrix and the precision-recall curve).
 *
 * @param artifact DJL .params bytes of {@link SpreadTrainer#ARCHITECTURE}, loadable by the registry
 * @param bestEpoch 1-based epoch of the kept checkpoint
 */
public record TrainedModel(byte[] artifact, int bestEpoch, Calibration calibration, Evaluation validation,
        List<EpochMetrics> epochs, float[][] validationProbabilities, int[] validationLabels) {
}
