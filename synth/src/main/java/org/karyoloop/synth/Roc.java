package org.karyoloop.synth;

import java.util.Arrays;

/** Area under the ROC curve: the chance that a random positive scores above a random negative (ties count half). */
final class Roc {

    private Roc() {
    }

    static double auc(double[] positives, double[] negatives) {
        double[] neg = negatives.clone();
        Arrays.sort(neg);
        double wins = 0;
        for (double p : positives) {
            int below = lowerBound(neg, p);
            int notAbove = upperBound(neg, p);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positives.length * negatives.length);
    }

    /** How well a score separates the classes whichever way it points: max(AUC, 1 - AUC). */
    static double separation(double[] positives, double[] negatives) {
        double auc = auc(positives, negatives);
        return Math.max(auc, 1 - auc);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
