package org.karyoloop.rollout.messaging;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the rollout role reads of a models.candidates event: which version, and whether it met the
 * operating point on the frozen evaluation set. Other fields are ignored, so training may add them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CandidateAnnouncement(
        String modelName,
        @JsonAlias({"version", "candidateVersion"}) String modelVersion,
        @JsonAlias({"meetsOperatingPoint", "meetsTarget"}) boolean eligible,
        @JsonAlias({"precision"}) Double goodPrecision,
        @JsonAlias({"recall"}) Double goodRecall,
        Double goodThreshold) {

    String summary() {
        return "frozen-set GOOD precision " + goodPrecision + ", recall " + goodRecall + " at threshold "
                + goodThreshold;
    }
}
