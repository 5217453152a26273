package org.karyoloop.ml.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Chooses the GOOD decision threshold the way the lab does: on validation results, the threshold with
 * the highest GOOD recall whose precision meets the target (default 0.90), never argmax. A threshold meets
 * the target when the Wilson lower bound of its precision at {@code z} does (z = 0 is the point estimate):
 * a margin that grows as the GOOD predictions behind the estimate get fewer, so a threshold admitted on a
 * lucky handful of validation images does not fall below the target on the next set. When no threshold meets
 * the target, the candidate is not eligible and its threshold is the one whose precision is best supported: the
 * greatest one-sided 95% Wilson lower bound (not the best point estimate, which a threshold admitting three lucky
 * images would win with 3 of 3). Stateless.
 */
public final class ThresholdCalibrator {

    private final double targetPrecision;
    private final int minPredictedGood;
    private final double z;

    /** Calibrates on the point estimate of precision (z = 0). */
    public ThresholdCalibrator(double targetPrecision, int minPredictedGood) {
        this(targetPrecision, minPredictedGood, 0);
    }

    /**
     * @param targetPrecision GOOD precision the threshold must reach, in (0, 1]
     * @param minPredictedGood fewest GOOD predictions a threshold must make to count (a threshold that
     *     admits one lucky image proves nothing); at least 1
     * @param z standard normal quantile of the Wilson lower bound that must meet the target; 0 compares the
     *     point estimate, 1 a one-sided 84% bound, 1.645 a 95% bound; at least 0
     */
    public ThresholdCalibrator(double targetPrecision, int minPredictedGood, double z) {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1]: " + targetPrecision);
        }
        if (minPredictedGood < 1) {
            throw new IllegalArgumentException("minPredictedGood must be >= 1: " + minPredictedGood);
        }
        if (!(z >= 0)) {
            throw new IllegalArgumentException("z must be >= 0: " + z);
        }
        this.targetPrecision = targetPrecision;
        this.minPredictedGood = minPredictedGood;
        this.z = z;
    }

    /**
     * Calibrates on {@code pGood[i]} (the model's P(GOOD) for validation image i) and {@code isGood[i]}
     * (its true label). Every distinct score is a candidate threshold.
     */
    public Calibration calibrate(double[] pGood, boolean[] isGood) {
        if (pGood.length != isGood.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        int positives = 0;
        for (boolean good : isGood) {
            positives += good ? 1 : 0;
        }
        Integer[] order = new Integer[pGood.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> pGood[i]).reversed());

        Calibration best = null;
        Calibration bestSupported = null;
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (isGood[i]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTies = k + 1 == order.length || pGood[order[k + 1]] < pGood[i];
            if (!lastOfTies || tp + fp < minPredictedGood) {
                continue;
            }
            double precision = (double) tp / (tp + fp);
            double recall = positives == 0 ? 0 : (double) tp / positives;
            boolean meets = WilsonInterval.lowerBound(tp, tp + fp, z) >= targetPrecision;
            Calibration c = new Calibration(meets, targetPrecision, pGood[i], precision, recall,
                    WilsonInterval.lowerBound95(tp, tp + fp), tp, fp, positives - tp);
            if (meets && (best == null || recall > best.recall())) {
                best = c;
            }
            if (bestSupported == null || c.precisionLowerBound() > bestSupported.precisionLowerBound()
                    || c.precisionLowerBound() == bestSupported.precisionLowerBound()
                            && recall > bestSupported.recall()) {
                bestSupported = c;
            }
        }
        if (best != null) {
            return best;
        }
        if (bestSupported != null) {
            return bestSupported;
        }
        return new Calibration(false, targetPrecision, 1.0, 0, 0, 0, 0, 0, positives);
    }
}
