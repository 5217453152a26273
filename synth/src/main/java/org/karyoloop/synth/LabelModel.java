package org.karyoloop.synth;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** Turns an image's true grade into the label someone would have written down for it. */
public interface LabelModel {

    /** The model's name as written in the manifest. */
    String name();

    /** The observed label for a spread of this true grade and score. */
    Grade label(Grade trueGrade, int score, RandomGenerator random);

    /** The observed label for a spread of this truth. */
    default Grade label(SpreadTruth truth, RandomGenerator random) {
        return label(truth.grade(), truth.score(), random);
    }

    /** The model called {@code legacy} or {@code doctor}, with its default noise. */
    static LabelModel named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "legacy" -> new LegacyLabelModel(LegacyLabelModel.DEFAULT_NOISY_NEGATIVE_SHARE);
            case "doctor" -> new DoctorLabelModel(DoctorLabelModel.DEFAULT_DISAGREEMENT,
                    DoctorLabelModel.DEFAULT_ADJACENT_SHARE);
            default -> throw new IllegalArgumentException("unknown label model '" + name + "' (legacy|doctor|none)");
        };
    }
}
