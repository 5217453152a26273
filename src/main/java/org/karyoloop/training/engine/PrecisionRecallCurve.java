package org.karyoloop.training.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The GOOD precision-recall curve of a labelled set over every threshold on P(GOOD), kept as a few registry
 * metrics so that the operators' page can draw it for any version: {@code pr_curve_<kk>_recall} and
 * {@code pr_curve_<kk>_precision} for the first threshold at which recall reaches each twentieth (0.05, 0.10, ...
 * 1.00). Stateless; thread-safe.
 */
public final class PrecisionRecallCurve {

    /** Recall steps the curve is kept at. */
    static final int STEPS = 20;

    private PrecisionRecallCurve() {
    }

    /** The curve's metrics for {@code probabilities} (per example, per class) and true {@code labels}. */
    public static Map<String, Double> metrics(float[][] probabilities, int[] labels) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        long positives = Arrays.stream(labels).filter(l -> l == SpreadTrainer.GOOD).count();
        if (positives == 0) {
            return metrics;
        }
        Integer[] order = new Integer[labels.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i][SpreadTrainer.GOOD]));
        int tp = 0;
        int step = 1;
        for (int k = 0; k < order.length && step <= STEPS; k++) {
            tp += labels[order[k]] == SpreadTrainer.GOOD ? 1 : 0;
            double recall = (double) tp / positives;
            while (step <= STEPS && recall >= (double) step / STEPS - 1e-9) {
                String key = String.format(Locale.ROOT, "pr_curve_%02d_", step);
                metrics.put(key + "recall", recall);
                metrics.put(key + "precision", (double) tp / (k + 1));
                step++;
            }
        }
        return metrics;
    }
}
