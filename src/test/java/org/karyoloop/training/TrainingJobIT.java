package org.karyoloop.training;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.TestImages;
import org.karyoloop.training.persistence.TrainingData;
import org.karyoloop.training.persistence.TrainingJob;
import org.karyoloop.training.persistence.TrainingJob.Status;

/**
 * The training role through the real broker and database: images ingested and labels submitted
 * become a job on request, the job trains a tiny model, registers it, and announces the candidate on
 * models.candidates with its metrics, confusion matrix and precision-recall curve; jobs coalesce, cancel, and fail when their heartbeat stops.
 */
@QuarkusTest
class TrainingJobIT {

    static final Grade[] GRADES = {Grade.GOOD, Grade.FAIR, Grade.POOR};

    @Inject
    TrainingData data;

    @Inject
    TrainingJobs jobs;

    @Inject
    TrainingWorker worker;

    @Inject
    ObjectMapper mapper;

    @Test
    void labelsBecomeAJobThatRegistersAndAnnouncesACandidateWithMetricsAndItsCurves() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int known = data.labelledImages().size();
        try (KafkaTestClient kafka = new KafkaTestClient();
                KafkaTestClient.Watch candidates = kafka.watch("models.candidates")) {
            for (int i = 0; i < 48; i++) {
                String slide = "it-" + run + "-slide-" + (i / 2);
                String imageId = given().auth().preemptive().basic("labsys1", "labsys1-pass").contentType("image/png")
                        .header("X-Slide-Id", slide)
                        .header("X-Source-Id", "it-scope").body(TestImages.uniquePng(128, 128))
                        .when().post("/api/images").then().statusCode(201).extract().path("id");
                LabelSubmitted label = new LabelSubmitted(UUID.randomUUID(), Instant.now(), 1,
                        UUID.fromString(imageId), UUID.randomUUID(), UUID.randomUUID(), "dr-it", GRADES[i % 3], null,
                        List.of(), null, "single", true, i % 8 == 7 ? "legacy" : "doctor", null, null, null, null);
                kafka.send("labels.submitted", imageId, mapper.writeValueAsBytes(label), Map.of());
            }
            await().atMost(Duration.ofSeconds(180)).until(() -> data.labelledImages().size() >= known + 48);

            JsonNode first = mapper.readTree(asOperator().contentType("application/json").body("{\"reason\":\"it\"}")
                    .when().post("/api/training/jobs").then().statusCode(202).extract().asString());
            JsonNode second = mapper.readTree(asOperator().contentType("application/json").body("{}")
                    .when().post("/api/training/jobs").then().statusCode(202).extract().asString());
            assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
            assertThat(second.get("coalesced").asBoolean()).isTrue();

            worker.drain();

            UUID jobId = UUID.fromString(first.get("id").asText());
            JsonNode job = mapper.readTree(asOperator().when().get("/api/training/jobs/" + jobId).then().statusCode(200)
                    .extract().asString());
            assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
            assertThat(job.get("metrics").get("epochs")).hasSize(2);
            List<ConsumerRecord<String, byte[]>> announced = candidates.await(
                    r -> new String(r.value()).contains(jobId.toString()), 1, Duration.ofSeconds(30));
            assertThat(announced).hasSize(1);
            JsonNode event = mapper.readTree(announced.get(0).value());
            assertThat(event.get("modelVersion").asText()).isEqualTo(job.get("modelVersion").asText());
            assertThat(event.get("epochs")).hasSize(2);
            assertThat(event.get("confusion")).hasSize(3);
            assertThat(event.get("validation").has("good_precision_lower_bound")).isTrue();
            assertThat(event.has("eligible")).isTrue();
            JsonNode metrics = mapper.readTree(asOperator().when()
                    .get("/api/models/metaphase-quality/versions/" + event.get("modelVersion").asText())
                    .then().statusCode(200).extract().asString()).get("metrics");
            // what the operators' page draws the confusion matrix and the precision-recall curve from
            List<String> grades = List.of("GOOD", "FAIR", "POOR");
            for (int truth = 0; truth < 3; truth++) {
                for (int predicted = 0; predicted < 3; predicted++) {
                    String cell = "confusion_" + grades.get(truth) + "_" + grades.get(predicted);
                    assertThat(metrics.path(cell).asInt(-1)).as(cell)
                            .isEqualTo(event.get("confusion").get(truth).get(predicted).asInt());
                }
            }
            assertThat(metrics.path("pr_curve_20_recall").asDouble()).isEqualTo(1.0);
            assertThat(metrics.path("pr_curve_01_precision").asDouble(-1)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aPendingJobIsCancelledAtOnceAndAnEndedJobCannotBeCancelled() {
        String id = asOperator().contentType("application/json").body("{}").when().post("/api/training/jobs").then()
                .statusCode(202).extract().path("id");
        asOperator().when().post("/api/training/jobs/" + id + "/cancel").then().statusCode(200);
        assertThat(jobs.find(UUID.fromString(id)).orElseThrow().status).isEqualTo(Status.CANCELLED);
        asOperator().when().post("/api/training/jobs/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        asOperator().when().get("/api/training/jobs/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRunningJobWhoseHeartbeatStoppedIsMarkedFailed() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingJob job = new TrainingJob();
            job.id = id;
            job.modelName = "watchdog-it-" + id;
            job.status = Status.RUNNING;
            job.trigger = "operator";
            job.reason = "test";
            job.requestedBy = "test";
            job.requestedAt = Instant.now().minusSeconds(600);
            job.startedAt = job.requestedAt;
            job.heartbeatAt = Instant.now().minusSeconds(300);
            job.persist();
        });

        assertThat(jobs.failStale(Duration.ofMinutes(2))).isGreaterThanOrEqualTo(1);

        TrainingJob failed = jobs.find(id).orElseThrow();
        assertThat(failed.status).isEqualTo(Status.FAILED);
        assertThat(failed.detail).contains("heartbeat");
    }

    @Test
    void aJobThatEndedForWantOfLabelsCountsAsTheLastJobButACrashedOneDoesNot() {
        String model = "trigger-it-" + UUID.randomUUID();
        Instant crashedAt = Instant.now().minusSeconds(60);
        Instant starvedAt = Instant.now().minusSeconds(120);
        failedJob(model, starvedAt, new NotEnoughLabelsException(0, 0).getMessage());
        failedJob(model, crashedAt, "heartbeat stopped: the worker process died or hung");

        // The crash is newer, but only the job that found too few labels holds the label trigger back.
        assertThat(jobs.lastJobAt(model)).hasValueSatisfying(
                at -> assertThat(at).isCloseTo(starvedAt, org.assertj.core.api.Assertions.within(1,
                        java.time.temporal.ChronoUnit.MILLIS)));
    }

    private static void failedJob(String model, Instant requestedAt, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingJob job = new TrainingJob();
            job.id = UUID.randomUUID();
            job.modelName = model;
            job.status = Status.FAILED;
            job.trigger = "labels";
            job.reason = "test";
            job.requestedBy = "policy";
            job.requestedAt = requestedAt;
            job.finishedAt = requestedAt.plusSeconds(1);
            job.detail = detail;
            job.persist();
        });
    }

    private static io.restassured.specification.RequestSpecification asOperator() {
        return io.restassured.RestAssured.given().auth().preemptive().basic("operator1", "operator1-pass");
    }
}
