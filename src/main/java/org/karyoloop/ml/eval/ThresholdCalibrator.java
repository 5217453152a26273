package org.karyoloop.ml.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Chooses the GOOD decision threshold the way the lab does: on validation results, the threshold with
 * the highest GOOD recall whose precision meets the target (default 0.90), never argmax. Stateless.
 */
public final class ThresholdCalibrator {

    private final double targetPrecision;
    private final int minPredictedGood;

    /**
     * @param targetPrecision GOOD precision the threshold must reach, in (0, 1]
     * @param minPredictedGood fewest GOOD predictions a threshold must make to count (a threshold that
     *     admits one lucky image proves nothing); at least 1
     */
    public ThresholdCalibrator(double targetPrecision, int minPredictedGood) {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1]: " + targetPrecision);
        }
        if (minPredictedGood < 1) {
            throw new IllegalArgumentException("minPredictedGood must be >= 1: " + minPredictedGood);
        }
        this.targetPrecision = targetPrecision;
        this.minPredictedGood = minPredictedGood;
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
        Calibration mostPrecise = null;
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
            boolean meets = precision >= targetPrecision;
            Calibration c = new Calibration(meets, targetPrecision, pGood[i], precision, recall,
                    WilsonInterval.lowerBound95(tp, tp + fp), tp, fp, positives - tp);
            if (meets && (best == null || recall > best.recall())) {
                best = c;
            }
            if (mostPrecise == null || precision > mostPrecise.precision()
                    || precision == mostPrecise.precision() && recall > mostPrecise.recall()) {
                mostPrecise = c;
            }
        }
        if (best != null) {
            return best;
        }
        if (mostPrecise != null) {
            return mostPrecise;
        }
        return new Calibration(false, targetPrecision, 1.0, 0, 0, 0, 0, 0, positives);
    }
}
