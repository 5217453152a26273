package org.karyoloop.rollout.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import java.util.Map;

/**
 * What the rollout role reads of a models.candidates event ({@link org.karyoloop.events.ModelCandidateRegistered}):
 * which version, whether it met the operating point, and its GOOD precision and recall on the frozen evaluation set
 * (on validation when the frozen set was empty). Other fields are ignored, so training may add them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CandidateAnnouncement(
        String modelName,
        String modelVersion,
        boolean eligible,
        Double goodThreshold,
        Map<String, Double> validation,
        Map<String, Double> evaluation) {

    /** One line for the rollout history: where the figures come from, and the figures. */
    String summary() {
        boolean frozen = evaluation != null && !evaluation.isEmpty();
        Map<String, Double> metrics = frozen ? evaluation : validation == null ? Map.of() : validation;
        return (frozen ? "frozen-set" : "validation") + " GOOD precision " + format(metrics.get("good_precision"))
                + ", recall " + format(metrics.get("good_recall")) + " at threshold " + format(goodThreshold);
    }

    private static String format(Double value) {
        return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
