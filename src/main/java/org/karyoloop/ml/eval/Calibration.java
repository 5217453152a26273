package org.karyoloop.ml.eval;

/**
 * The GOOD threshold chosen on validation data and what it achieves there.
 *
 * @param eligible whether some threshold met the precision target; if not, {@code threshold} is the
 *     one with the greatest {@code precisionLowerBound} and the candidate must not be promoted
 * @param threshold P(GOOD) at or above which an image is graded GOOD
 * @param precisionLowerBound one-sided 95% Wilson lower bound of {@code precision}
 */
public record Calibration(
        boolean eligible,
        double targetPrecision,
        double threshold,
        double precision,
        double recall,
        double precisionLowerBound,
        int truePositives,
        int falsePositives,
        int falseNegatives) {
}
