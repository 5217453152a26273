package org.karyoloop.rollout;

/**
 * What live traffic says about one model version in one arm: images scored, how many of them doctors
 * labelled, and the GOOD confusion counts among the labelled ones.
 *
 * @param predictedGood labelled images the version graded GOOD
 * @param truePositives of those, how many doctors graded GOOD too
 * @param actualGood labelled images doctors graded GOOD (the recall denominator)
 * @param p99LatencyMs 99th percentile of scoring latency over the scored images
 */
public record Evidence(long scored, long labelled, long predictedGood, long truePositives, long actualGood,
        double p99LatencyMs) {

    /** No evidence at all. */
    public static final Evidence NONE = new Evidence(0, 0, 0, 0, 0, 0);

    /** Live GOOD precision, or NaN without GOOD predictions. */
    public double precision() {
        return predictedGood == 0 ? Double.NaN : (double) truePositives / predictedGood;
    }

    /** Live GOOD recall, or NaN without labelled GOOD images. */
    public double recall() {
        return actualGood == 0 ? Double.NaN : (double) truePositives / actualGood;
    }
}
