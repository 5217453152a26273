package org.karyoloop.synth;

import java.util.random.RandomGenerator;

/**
 * Labels as the old archive has them: everything not explicitly kept was filed as POOR, so a share
 * of truly acceptable (GOOD or FAIR) spreads carry POOR (positive-unlabeled data); POOR is always POOR.
 * Thread-safe (stateless).
 *
 * @param noisyNegativeShare share of acceptable spreads labelled POOR (default 0.4, "2 in 5")
 */
public record LegacyLabelModel(double noisyNegativeShare) implements LabelModel {

    /** The lab's estimate: about 2 in 5 archive "bad" images are really acceptable. */
    public static final double DEFAULT_NOISY_NEGATIVE_SHARE = 0.4;

    public LegacyLabelModel {
        if (noisyNegativeShare < 0 || noisyNegativeShare > 1) {
            throw new IllegalArgumentException("noisyNegativeShare must be within [0, 1]");
        }
    }

    @Override
    public String name() {
        return "legacy";
    }

    @Override
    public Grade label(Grade trueGrade, int score, RandomGenerator random) {
        if (trueGrade.acceptable() && random.nextDouble() < noisyNegativeShare) {
            return Grade.POOR;
        }
        return trueGrade;
    }
}
