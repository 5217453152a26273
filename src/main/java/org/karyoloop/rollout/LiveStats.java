package org.karyoloop.rollout;

import java.time.Instant;
import org.karyoloop.ml.eval.WilsonInterval;

/**
 * What one model version did in one arm over a span of time, as operators and outside canary tools
 * read it: how much it scored, how often it said GOOD, and how often doctors agreed.
 *
 * @param start start of the span (a timeline bucket), or null for "since the canary began"
 * @param scored images scored
 * @param predictedGood of those, graded GOOD (the GOOD rate numerator)
 * @param labelled scored images with a final doctor label
 * @param labelledGoodPredictions labelled images the version graded GOOD (the precision denominator)
 * @param truePositives of those, how many doctors graded GOOD too
 * @param actualGood labelled images doctors graded GOOD (the recall denominator)
 * @param goodRate predictedGood / scored, or null without scored images
 * @param precision truePositives / labelledGoodPredictions, or null without evidence
 * @param precisionLowerBound one-sided 95% Wilson lower bound of the precision, or null without evidence
 */
public record LiveStats(Instant start, String version, String arm, long scored, long predictedGood, long labelled,
        long labelledGoodPredictions, long truePositives, long actualGood, Double goodRate, Double precision,
        Double precisionLowerBound) {

    /** The stats from raw counts; the rates are derived here so every reader computes them alike. */
    public static LiveStats of(Instant start, String version, String arm, long scored, long predictedGood,
            long labelled, long labelledGoodPredictions, long truePositives, long actualGood) {
        return new LiveStats(start, version, arm, scored, predictedGood, labelled, labelledGoodPredictions,
                truePositives, actualGood, scored == 0 ? null : (double) predictedGood / scored,
                labelledGoodPredictions == 0 ? null : (double) truePositives / labelledGoodPredictions,
                labelledGoodPredictions == 0 ? null
                        : WilsonInterval.lowerBound95(truePositives, labelledGoodPredictions));
    }

    /** Live GOOD recall, or null without labelled GOOD images. */
    public Double recall() {
        return actualGood == 0 ? null : (double) truePositives / actualGood;
    }
}
