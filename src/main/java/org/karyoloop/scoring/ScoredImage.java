package org.karyoloop.scoring;

import org.karyoloop.events.Grade;
import org.karyoloop.ml.registry.ModelVersionSpec;

/**
 * One version's verdict on an image.
 *
 * @param probabilities in the version's class order
 */
public record ScoredImage(ModelVersionSpec version, String arm, float[] probabilities, Grade grade,
        double uncertainty) {
}
