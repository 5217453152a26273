package org.karyoloop.ml;

import java.util.List;
import org.karyoloop.events.Grade;

/**
 * Turns class probabilities into a grade at a version's calibrated GOOD threshold (GOOD only when
 * P(GOOD) reaches it; otherwise the likelier of FAIR and POOR), and measures how unsure the model is
 * (entropy normalised to 0..1). Thread-safe (immutable).
 *
 * @param classes class names in the model's output order; must contain GOOD, FAIR and POOR
 * @param goodThreshold calibrated threshold on P(GOOD), 0..1
 */
public record GradeRule(List<String> classes, double goodThreshold) {

    public GradeRule {
        classes = List.copyOf(classes);
        for (Grade grade : Grade.values()) {
            if (!classes.contains(grade.name())) {
                throw new IllegalArgumentException("class order " + classes + " lacks " + grade);
            }
        }
        if (!(goodThreshold >= 0 && goodThreshold <= 1)) {
            throw new IllegalArgumentException("goodThreshold must be 0..1, was " + goodThreshold);
        }
    }

    /** The grade of {@code probabilities} (in class order). */
    public Grade grade(float[] probabilities) {
        if (probability(probabilities, Grade.GOOD) >= goodThreshold) {
            return Grade.GOOD;
        }
        return probability(probabilities, Grade.FAIR) >= probability(probabilities, Grade.POOR) ? Grade.FAIR
                : Grade.POOR;
    }

    /** P(grade) from {@code probabilities} in class order. */
    public double probability(float[] probabilities, Grade grade) {
        return probabilities[classes.indexOf(grade.name())];
    }

    /** Normalised entropy: 0 when one class has all the mass, 1 when all classes are equally likely. */
    public static double uncertainty(float[] probabilities) {
        double entropy = 0;
        for (float p : probabilities) {
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return Math.min(1.0, entropy / Math.log(probabilities.length));
    }
}
