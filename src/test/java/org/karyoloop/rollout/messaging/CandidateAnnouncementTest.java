package org.karyoloop.rollout.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.ModelCandidateRegistered;

class CandidateAnnouncementTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    private CandidateAnnouncement read(Map<String, Double> evaluation) throws Exception {
        ModelCandidateRegistered event = new ModelCandidateRegistered(UUID.randomUUID(), Instant.now(),
                ModelCandidateRegistered.SCHEMA_VERSION, "spreadnet", "v7", UUID.randomUUID(), "v6", "ab12",
                List.of("GOOD", "FAIR", "POOR"), 0.42, 0.9, true,
                Map.of("good_precision", 0.95, "good_recall", 0.61), evaluation, new int[3][3], List.of());
        return mapper.readValue(mapper.writeValueAsBytes(event), CandidateAnnouncement.class);
    }

    @Test
    void readsTheTrainingEventAndSummarisesTheFrozenSetFigures() throws Exception {
        CandidateAnnouncement candidate = read(Map.of("good_precision", 0.923, "good_recall", 0.55));

        assertThat(candidate.modelName()).isEqualTo("spreadnet");
        assertThat(candidate.modelVersion()).isEqualTo("v7");
        assertThat(candidate.eligible()).isTrue();
        assertThat(candidate.summary()).isEqualTo("frozen-set GOOD precision 0.923, recall 0.550 at threshold 0.420");
    }

    @Test
    void fallsBackToValidationFiguresWhenTheFrozenSetWasEmpty() throws Exception {
        assertThat(read(Map.of()).summary())
                .isEqualTo("validation GOOD precision 0.950, recall 0.610 at threshold 0.420");
    }
}
