package org.karyoloop.synth;

import java.util.random.RandomGenerator;

/**
 * A doctor's read of a spread: the true grade, except for a share of disagreements, most of them
 * to the adjacent grade (a FAIR near the top of its band tips to GOOD, near the bottom to POOR).
 * Thread-safe (stateless); the simulated doctor draws one label per review with its own random.
 *
 * @param disagreement share of reads that differ from the true grade (default 0.10)
 * @param adjacentShare share of disagreements that go to the adjacent grade rather than across
 *     (GOOD↔POOR) (default 0.9)
 */
public record DoctorLabelModel(double disagreement, double adjacentShare) implements LabelModel {

    /** Doctors agree with each other about 90% of the time. */
    public static final double DEFAULT_DISAGREEMENT = 0.10;
    /** Most disagreements are one grade apart. */
    public static final double DEFAULT_ADJACENT_SHARE = 0.9;

    public DoctorLabelModel {
        if (disagreement < 0 || disagreement > 1 || adjacentShare < 0 || adjacentShare > 1) {
            throw new IllegalArgumentException("disagreement and adjacentShare must be within [0, 1]");
        }
    }

    /** A doctor with the default disagreement. */
    public static DoctorLabelModel typical() {
        return new DoctorLabelModel(DEFAULT_DISAGREEMENT, DEFAULT_ADJACENT_SHARE);
    }

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public Grade label(Grade trueGrade, int score, RandomGenerator random) {
        if (random.nextDouble() >= disagreement) {
            return trueGrade;
        }
        boolean adjacent = random.nextDouble() < adjacentShare;
        return switch (trueGrade) {
            case GOOD -> adjacent ? Grade.FAIR : Grade.POOR;
            case POOR -> adjacent ? Grade.FAIR : Grade.GOOD;
            case FAIR -> {
                // Where in the 80–99 band the spread sits decides which way a doubtful doctor leans.
                double towardsGood = Math.max(0, Math.min(1, (score - Grade.FAIR_MIN_SCORE) / 20.0));
                yield random.nextDouble() < towardsGood ? Grade.GOOD : Grade.POOR;
            }
        };
    }
}
