package org.karyoloop.sampling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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
 * a legacy POOR the model calls GOOD is sent for review; the slide view ranks a slide's spreads.
 */
@QuarkusTest
class SamplingFlowIT {

    @Inject
    ObjectMapper mapper;

    private static ImageScored scored(UUID image, String slide, double pGood) {
        return new ImageScored(UUID.randomUUID(), Instant.now(), 1, image, "0".repeat(64), "scope-9", slide, true,
                "metaphase-quality", "v1", "stable", Map.of("GOOD", pGood, "FAIR", (1 - pGood) / 2, "POOR",
                        (1 - pGood) / 2), pGood >= 0.6 ? Grade.GOOD : Grade.POOR, 0.6, 0.5, 12, "brightfield", true, null);
    }

    @Test
    void uncertainAndDisputedImagesAreRequestedAndTheSlideViewRanksSpreads() throws Exception {
        String slide = "slide-" + UUID.randomUUID();
        UUID near = UUID.randomUUID();
        UUID sure = UUID.randomUUID();
        UUID disputed = UUID.randomUUID();
        try (KafkaTestClient kafka = new KafkaTestClient(); var requests = kafka.watch("labeling.requests")) {
            kafka.send("labels.submitted", disputed.toString(), mapper.writeValueAsBytes(new LabelSubmitted(
                    UUID.randomUUID(), Instant.now(), 1, disputed, UUID.randomUUID(), UUID.randomUUID(), "archive",
                    Grade.POOR, null, List.of(), null, "single", true, "legacy", null, null, null, null)), Map.of());
            Thread.sleep(2000); // the legacy label is known before the score arrives
            for (ImageScored e : List.of(scored(near, slide, 0.59), scored(sure, slide, 0.01),
                    scored(disputed, "other-" + slide, 0.95))) {
                kafka.send("images.scored", e.imageId().toString(), mapper.writeValueAsBytes(e), Map.of());
            }
            List<ConsumerRecord<String, byte[]>> got = requests.await(
                    r -> r.key().equals(near.toString()) || r.key().equals(disputed.toString()), 2,
                    Duration.ofSeconds(30));
            assertThat(got).hasSize(2);
            for (ConsumerRecord<String, byte[]> r : got) {
                JsonNode request = mapper.readTree(r.value());
                assertThat(request.path("reason").asText())
                        .isEqualTo(r.key().equals(near.toString()) ? "uncertainty" : "label-review");
            }
            assertThat(requests.drain(r -> r.key().equals(sure.toString()), Duration.ofSeconds(1)))
                    .as("a certain POOR is not worth a doctor's time").isEmpty();
        }
        given().auth().preemptive().basic("doctor1", "doctor1-pass").queryParam("n", 2)
                .get("/api/slides/" + slide + "/best")
                .then().statusCode(200).body("imageId", contains(near.toString(), sure.toString()));
    }
}
