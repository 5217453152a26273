package org.karyoloop.cli;

import java.util.List;
import org.karyoloop.events.Grade;

/**
 * What a model says of one image.
 *
 * @param model         the version that graded it, name:version
 * @param classes       class names in the order of {@code probabilities}
 * @param probabilities the model's class probabilities
 * @param goodThreshold the version's calibrated threshold on P(GOOD)
 * @param grade         the grade at that threshold, or null when the image is not a metaphase spread (never GOOD)
 */
record Grading(String model, List<String> classes, float[] probabilities, double goodThreshold, Grade grade) {
}
