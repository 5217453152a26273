package org.karyoloop.ml.eval;

/**
 * The Wilson score interval of a binomial proportion: an honest confidence bound for a precision
 * measured on few examples (9 of 9 correct is not "100%" evidence). Used for the calibrated GOOD
 * precision of a candidate and for the live precision of a canary.
 */
public final class WilsonInterval {

    /** z for a one-sided 95% bound. */
    public static final double Z_95_ONE_SIDED = 1.6448536269514722;

    private WilsonInterval() {
    }

    /** The lower bound of the proportion {@code successes / trials} at {@code z}; 0 when there are no trials. */
    public static double lowerBound(long successes, long trials, double z) {
        if (trials <= 0) {
            return 0.0;
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be within 0.." + trials + ": " + successes);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double margin = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.max(0.0, (centre - margin) / (1 + z2 / n));
    }

    /** The one-sided 95% upper bound: 1 when there are no trials. */
    public static double upperBound95(long successes, long trials) {
        return trials <= 0 ? 1.0 : 1.0 - lowerBound(trials - successes, trials, Z_95_ONE_SIDED);
    }

    /** The one-sided 95% lower bound. */
    public static double lowerBound95(long successes, long trials) {
        return lowerBound(successes, trials, Z_95_ONE_SIDED);
    }
}
