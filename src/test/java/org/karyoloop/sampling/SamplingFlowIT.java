package org.karyoloop.sampling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.testing.KafkaTestClient;

/**
 * Scoring events on the real broker become labeling requests (and, in the all-roles process, tasks);
 * a legacy POOR the model calls GOOD is sent for review, whether its label or its score comes first; the slide
 * view ranks a slide's spreads.
 */
@QuarkusTest
class SamplingFlowIT {

    @Inject
    ObjectMapper mapper;

    @Inject
    io.agroal.api.AgroalDataSource db;

    /**
     * The model these scores name: this class's own, so that a canary of another model on the same broker (the loop
     * test's, another process's) never makes its images stable-arm audits instead of what the test expects.
     */
    private static final String MODEL = "sampling-it-" + UUID.randomUUID();

    private static ImageScored scored(UUID image, String slide, double pGood) {
        return new ImageScored(UUID.randomUUID(), Instant.now(), 1, image, "0".repeat(64), "scope-9", slide, true,
                MODEL, "v1", "stable", Map.of("GOOD", pGood, "FAIR", (1 - pGood) / 2, "POOR",
                        (1 - pGood) / 2),
                pGood >= 0.6 ? Grade.GOOD : Grade.POOR, 0.6, 0.5, 12, "brightfield", true, null);
    }

    private static ImageScored notASpread(UUID image, String slide, boolean scored) {
        ImageScored e = scored(image, slide, 0.59);
        return scored ? new ImageScored(e.eventId(), e.occurredAt(), 1, image, e.sha256(), e.sourceId(), slide, true,
                e.modelName(), e.modelVersion(), e.arm(), e.probabilities(), Grade.POOR, e.goodThreshold(),
                e.uncertainty(), e.latencyMs(), "brightfield", false, "blank-frame")
                : new ImageScored(e.eventId(), e.occurredAt(), 1, image, e.sha256(), e.sourceId(), slide, false, null,
                        null, "none", Map.of(), null, null, null, e.latencyMs(), "fluorescence", false, "blank-frame");
    }

    @Test
    void imagesThatAreNotSpreadsAreNeverRequestedNorRankedOnTheSlide() throws Exception {
        String slide = "slide-" + UUID.randomUUID();
        UUID spread = UUID.randomUUID();
        UUID blankScored = UUID.randomUUID();
        UUID blankAtColdStart = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(); var requests = kafka.watch("labeling.requests")) {
            for (ImageScored e : List.of(notASpread(blankScored, slide, true), notASpread(blankAtColdStart, slide,
                    false), scored(spread, slide, 0.59))) {
                kafka.send("images.scored", e.imageId().toString(), mapper.writeValueAsBytes(e), Map.of());
            }
            assertThat(requests.await(r -> r.key().equals(spread.toString()), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
            // Sampling keeps the score and makes its requests in one transaction: once both scores are kept, every
            // request for them that will ever be made exists.
            await().atMost(Duration.ofSeconds(30)).until(() -> kept(blankScored) && kept(blankAtColdStart));
            assertThat(requested(blankScored)).isZero();
            assertThat(requested(blankAtColdStart)).isZero();
        }
        given().auth().preemptive().basic("doctor1", "doctor1-pass").queryParam("n", 10)
                .get("/api/slides/" + slide + "/best")
                .then().statusCode(200).body("imageId", contains(spread.toString()));
    }

    private boolean kept(UUID image) throws java.sql.SQLException {
        return count("select count(*) from sampling_score where image_id = ?", image) == 1;
    }

    private long requested(UUID image) throws java.sql.SQLException {
        return count("select count(*) from sampling_request where image_id = ?", image);
    }

    /** The requests this process made for {@code image}: event id by reason. */
    private Map<String, UUID> requests(UUID image) throws java.sql.SQLException {
        Map<String, UUID> out = new HashMap<>();
        try (var c = db.getConnection(); var s = c.prepareStatement(
                "select reason, event_id from sampling_request where image_id = ?")) {
            s.setObject(1, image);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return out;
    }

    private String eventId(ConsumerRecord<String, byte[]> r) {
        try {
            return mapper.readTree(r.value()).path("eventId").asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private long count(String sql, UUID image) throws java.sql.SQLException {
        try (var c = db.getConnection(); var s = c.prepareStatement(sql)) {
            s.setObject(1, image);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void uncertainAndDisputedImagesAreRequestedWhicheverArrivesFirstAndTheSlideViewRanksSpreads() throws Exception {
        String slide = "slide-" + UUID.randomUUID();
        UUID near = UUID.randomUUID();
        UUID sure = UUID.randomUUID();
        UUID labelledFirst = UUID.randomUUID();
        UUID scoredFirst = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(); var requests = kafka.watch("labeling.requests")) {
            // The archive's label of one disputed image comes before its score, the other's after it: sampling must
            // ask for a second opinion on both, whichever of the two topics it reads first.
            sendLegacyPoor(kafka, labelledFirst);
            for (ImageScored e : List.of(scored(near, slide, 0.59),
                    scored(sure, slide, 0.01), scored(labelledFirst, "other-" + slide, 0.95),
                    scored(scoredFirst, "third-" + slide, 0.9))) {
                kafka.send("images.scored", e.imageId().toString(), mapper.writeValueAsBytes(e), Map.of());
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> kept(scoredFirst));
            sendLegacyPoor(kafka, scoredFirst);
            // What this process requested is in its own sampling_request table; the topic also carries what other
            // processes on the same broker request of the same scores, so its records are matched by event id.
            Map<UUID, String> expected = Map.of(near, "uncertainty", labelledFirst, "label-review", scoredFirst,
                    "label-review");
            // A fresh consumer group reads each topic's backlog first; the labels topic's can lag the scores' by tens
            // of seconds on a busy broker.
            await().atMost(Duration.ofSeconds(90)).until(() -> requested(scoredFirst) + requested(labelledFirst)
                    + requested(near) >= 3 && kept(sure));
            Map<String, UUID> events = new HashMap<>();
            for (Map.Entry<UUID, String> e : expected.entrySet()) {
                assertThat(requests(e.getKey())).as(e.getKey() + ": one request, for its reason")
                        .containsOnlyKeys(e.getValue());
                events.put(requests(e.getKey()).get(e.getValue()).toString(), e.getKey());
            }
            assertThat(requested(sure)).as("a certain POOR is not worth a doctor's time").isZero();
            List<ConsumerRecord<String, byte[]>> got = requests.await(r -> events.containsKey(eventId(r)), 3,
                    Duration.ofSeconds(30));
            assertThat(got).extracting(this::eventId).containsExactlyInAnyOrderElementsOf(events.keySet());
            for (ConsumerRecord<String, byte[]> r : got) {
                UUID image = events.get(eventId(r));
                JsonNode request = mapper.readTree(r.value());
                assertThat(r.key()).isEqualTo(image.toString());
                assertThat(request.path("reason").asText()).as(r.key()).isEqualTo(expected.get(image));
                assertThat(request.path("modality").asText()).as(r.key()).isEqualTo("brightfield");
                if (!image.equals(near)) {
                    assertThat(request.path("legacyGrade").asText()).as(r.key()).isEqualTo("POOR");
                    assertThat(request.path("goodThreshold").asDouble()).as(r.key()).isEqualTo(0.6);
                }
            }
        }
        given().auth().preemptive().basic("doctor1", "doctor1-pass").queryParam("n", 2)
                .get("/api/slides/" + slide + "/best")
                .then().statusCode(200).body("imageId", contains(near.toString(), sure.toString()));
    }

    private void sendLegacyPoor(KafkaTestClient kafka, UUID image) throws Exception {
        kafka.send("labels.submitted", image.toString(), mapper.writeValueAsBytes(new LabelSubmitted(
                UUID.randomUUID(), Instant.now(), 1, image, UUID.randomUUID(), UUID.randomUUID(), "archive",
                Grade.POOR, null, List.of(), null, "single", true, "legacy", null, null, null, null)), Map.of());
    }
}
