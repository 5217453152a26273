package org.karyoloop.sampling;

import java.util.Map;
import java.util.UUID;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;

/**
 * An image the sampler may ask about: what scoring said (or that it is unscored), plus what sampling
 * knows, the archive's label when there is one.
 *
 * @param legacyGrade the legacy (archive) label, or null
 */
public record Candidate(UUID imageId, String sha256, String sourceId, String slideId, boolean scored,
        Map<String, Double> probabilities, Grade grade, Double goodThreshold, String modelName, String modelVersion,
        String arm, Grade legacyGrade) {

    /** A candidate from a scoring event. */
    public static Candidate of(ImageScored e, Grade legacyGrade) {
        return new Candidate(e.imageId(), e.sha256(), e.sourceId(), e.slideId(), e.scored(),
                e.probabilities() == null ? Map.of() : e.probabilities(), e.grade(), e.goodThreshold(),
                e.modelName(), e.modelVersion(), e.arm(), legacyGrade);
    }

    /** P(GOOD), or null when unscored. */
    public Double pGood() {
        return scored ? probabilities.get(Grade.GOOD.name()) : null;
    }

    /** The slide, or a stand-in so that images without one still group. */
    public String slideKey() {
        return (sourceId == null ? "" : sourceId) + "/" + (slideId == null ? imageId : slideId);
    }
}
