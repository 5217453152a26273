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
 * @param modality the modality scoring measured the image as, or null (not measured)
 * @param spread whether scoring measured a metaphase spread (true when not measured); what is not one is never
 *     sent to doctors
 * @param notSpreadReason why it is not a spread, or null
 */
public record Candidate(UUID imageId, String sha256, String sourceId, String slideId, boolean scored,
        Map<String, Double> probabilities, Grade grade, Double goodThreshold, String modelName, String modelVersion,
        String arm, Grade legacyGrade, String modality, boolean spread, String notSpreadReason) {

    /** A candidate measured as a bright-field spread. */
    public Candidate(UUID imageId, String sha256, String sourceId, String slideId, boolean scored,
            Map<String, Double> probabilities, Grade grade, Double goodThreshold, String modelName,
            String modelVersion, String arm, Grade legacyGrade) {
        this(imageId, sha256, sourceId, slideId, scored, probabilities, grade, goodThreshold, modelName,
                modelVersion, arm, legacyGrade, "brightfield", true, null);
    }

    /** A candidate from a scoring event. */
    public static Candidate of(ImageScored e, Grade legacyGrade) {
        return new Candidate(e.imageId(), e.sha256(), e.sourceId(), e.slideId(), e.scored(),
                e.probabilities() == null ? Map.of() : e.probabilities(), e.grade(), e.goodThreshold(),
                e.modelName(), e.modelVersion(), e.arm(), legacyGrade, e.modality(), e.gradeable(),
                e.gradeable() ? null : e.reason() == null ? "not-a-spread" : e.reason());
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
