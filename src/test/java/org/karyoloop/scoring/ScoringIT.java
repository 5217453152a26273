package org.karyoloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.ml.TestModels;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.ml.registry.ModelVersion;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.scoring.messaging.RolloutFollower;
import org.karyoloop.scoring.persistence.Prediction;
import org.karyoloop.scoring.persistence.PredictionRepository;
import org.karyoloop.scoring.serving.CanaryRouter;
import org.karyoloop.scoring.serving.ModelSwitchboard;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.SpreadImages;

/**
 * The scoring role through the real broker and database, with small models built in the test: cold
 * start, scoring once, hot swap under load, canary and shadow, and a broken version. The tests build on
 * each other's rollout state (one model name per test JVM), hence the order.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringIT {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    ModelRegistry registry;
    @Inject
    BlobStore blobs;
    @Inject
    ObjectMapper mapper;
    @Inject
    PredictionRepository predictions;
    @Inject
    ModelSwitchboard board;
    @Inject
    RolloutFollower follower;
    @Inject
    KafkaClientService clients;
    @Inject
    ScoringConfig config;
    @Inject
    MeterRegistry meters;

    KafkaTestClient kafka;
    KafkaTestClient.Watch scored;
    ScoringFixture fixture;

    @BeforeAll
    void wire() {
        kafka = new KafkaTestClient();
        scored = kafka.watch("images.scored");
        fixture = new ScoringFixture(kafka, mapper, blobs, config.modelName());
        ScoringFixture.awaitWired(clients, follower);
    }

    @AfterAll
    void close() {
        scored.close();
        kafka.close();
    }

    @Test
    @Order(1)
    void withoutAModelImagesArePassedOnUnscoredAndARedeliveryIsNotScoredTwice() {
        RestAssured.get(onManagement("/q/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'kafka-broker' }.status", org.hamcrest.Matchers.equalTo("UP"));
        ImageIngested image = fixture.newImage();
        fixture.send(image);
        // Read back from this replica's database: other test JVMs on the shared broker, in cold start too,
        // publish their own unscored events for every image they see.
        await().atMost(ScoringFixture.WAIT).until(() -> published(image) == 1);
        List<Prediction> rows = QuarkusTransaction.requiringNew().call(() -> predictions.byImage(image.imageId()));
        assertThat(rows).singleElement().satisfies(p -> {
            assertThat(p.scored).isFalse();
            assertThat(p.arm).isEqualTo("none");
        });

        double duplicates = count("karyoloop.scoring.duplicates");
        fixture.send(image);
        await().atMost(ScoringFixture.WAIT).until(() -> count("karyoloop.scoring.duplicates") > duplicates);
        assertThat(QuarkusTransaction.requiringNew().call(() -> predictions.byImage(image.imageId()))).hasSize(1);
        assertThat(published(image)).isEqualTo(1);
    }

    /** ImageScored events of this replica for the image that the outbox relay has published. */
    private long published(ImageIngested image) {
        return QuarkusTransaction.requiringNew().call(() -> org.karyoloop.platform.outbox.OutboxEvent.count(
                "eventKey = ?1 and topic = 'images.scored' and publishedAt is not null", image.imageId().toString()));
    }

    @Test
    @Order(2)
    void stableVersionScoresEveryImageOnceWithAllProbabilitiesAndTheCalibratedGrade() {
        register("v1", 1, 0.0); // threshold 0: every image is GOOD whatever the argmax
        fixture.rollout(board, "v1", null, 0, null, 0);
        List<ImageIngested> images = send(5);
        List<JsonNode> events = awaitAll(images);
        assertThat(events).hasSize(5).allSatisfy(e -> {
            assertThat(e.get("scored").asBoolean()).isTrue();
            assertThat(e.get("modelVersion").asText()).isEqualTo("v1");
            assertThat(e.get("arm").asText()).isEqualTo("stable");
            assertThat(e.get("grade").asText()).isEqualTo("GOOD");
            assertThat(e.get("spread").asBoolean()).isTrue();
            assertThat(e.path("reason").asText(null)).isNull();
            assertThat(e.get("modality").asText()).isEqualTo("brightfield");
            assertThat(e.get("goodThreshold").asDouble()).isZero();
            double sum = 0;
            for (String grade : List.of("GOOD", "FAIR", "POOR")) {
                sum += e.get("probabilities").get(grade).asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(e.get("uncertainty").asDouble()).isBetween(0.0, 1.0);
        });
        for (ImageIngested image : images) {
            List<Prediction> rows = QuarkusTransaction.requiringNew().call(() -> predictions.byImage(image.imageId()));
            assertThat(rows).singleElement().satisfies(p -> assertThat(p.modelVersion).isEqualTo("v1"));
        }
        RestAssured.get(onManagement("/q/health/ready")).then().statusCode(200);
    }

    @Test
    @Order(3)
    void blankFrameIsNotASpreadAndIsGradedPoorEvenByAVersionThatCallsEverythingGood() {
        // v1 (threshold 0) serves from the test before: it grades every spread GOOD whatever the argmax.
        List<ImageIngested> blanks = List.of(
                fixture.newImage(SpreadImages.blankPng(400, 300, 215), 400, 300, "brightfield"),
                fixture.newImage(SpreadImages.blankPng(400, 300, 6), 400, 300, null));
        blanks.forEach(fixture::send);
        List<JsonNode> events = awaitAll(blanks);
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("scored").asBoolean()).isTrue();
            assertThat(e.get("modelVersion").asText()).isEqualTo("v1");
            assertThat(e.get("spread").asBoolean()).isFalse();
            assertThat(e.get("reason").isTextual()).isTrue();
            assertThat(e.get("reason").asText()).isNotBlank();
            assertThat(e.get("grade").asText()).isEqualTo("POOR");
        });
        JsonNode detected = events.stream().filter(e -> e.get("imageId").asText()
                .equals(blanks.get(1).imageId().toString())).findFirst().orElseThrow();
        assertThat(detected.get("modality").asText()).as("a black frame without a recorded modality is detected")
                .isEqualTo("fluorescence");
        for (ImageIngested blank : blanks) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> predictions.byImage(blank.imageId())))
                    .singleElement().satisfies(p -> {
                        assertThat(p.spread).isFalse();
                        assertThat(p.notSpreadReason).isNotBlank();
                        assertThat(p.grade).isEqualTo("POOR");
                    });
        }
    }

    @Test
    @Order(4)
    void hotSwapUnderContinuousLoadScoresEveryImageOnceAndSwitchesAtOnePointInTime() throws Exception {
        register("v2", 2, 1.0);
        double errors = count("karyoloop.scoring.errors");
        List<ImageIngested> images = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ImageIngested image = fixture.newImage();
            images.add(image);
            fixture.send(image);
            if (i == 20) {
                // Switch while images are in flight; sending goes on meanwhile.
                Thread t = new Thread(() -> fixture.rollout(board, "v2", null, 0, null, 0));
                t.start();
            }
            Thread.sleep(25);
        }
        List<JsonNode> events = awaitAll(images);
        assertThat(events).hasSize(60);
        assertThat(events.stream().map(e -> e.get("imageId").asText()).distinct()).hasSize(60);
        assertThat(events).allMatch(e -> e.get("scored").asBoolean());
        Map<String, List<Prediction>> byVersion = QuarkusTransaction.requiringNew().call(() -> images.stream()
                .flatMap(i -> predictions.byImage(i.imageId()).stream())
                .collect(Collectors.groupingBy(p -> p.modelVersion)));
        assertThat(byVersion.keySet()).containsExactlyInAnyOrder("v1", "v2");
        Instant lastV1 = byVersion.get("v1").stream().map(p -> p.routedAt).max(Instant::compareTo).orElseThrow();
        Instant firstV2 = byVersion.get("v2").stream().map(p -> p.routedAt).min(Instant::compareTo).orElseThrow();
        assertThat(lastV1).isBeforeOrEqualTo(firstV2);
        assertThat(count("karyoloop.scoring.errors")).isEqualTo(errors);
    }

    @Test
    @Order(5)
    void canaryIsStickyByImageIdAndShadowScoresWithoutDeciding() {
        register("v3", 3, 0.5);
        fixture.rollout(board, "v1", "v2", 50, "v3", 100);
        List<ImageIngested> images = send(30);
        List<ConsumerRecord<String, byte[]>> all = scored.await(r -> ids(images).contains(r.key()) && mine(r), 60,
                ScoringFixture.WAIT);
        assertThat(all).hasSize(60);
        int canary = 0;
        for (ImageIngested image : images) {
            List<JsonNode> mine = all.stream().filter(r -> r.key().equals(image.imageId().toString()))
                    .map(fixture::read).toList();
            boolean inCanary = CanaryRouter.inCanary(image.imageId(), 50);
            canary += inCanary ? 1 : 0;
            assertThat(mine).extracting(e -> e.get("arm").asText() + ":" + e.get("modelVersion").asText())
                    .containsExactlyInAnyOrder(inCanary ? "canary:v2" : "stable:v1", "shadow:v3");
        }
        assertThat(canary).isBetween(5, 25);
    }

    @Test
    @Order(6)
    void versionWhoseArtifactFailsToLoadIsReportedAndThePreviousKeepsServing() {
        byte[] garbage = ("broken " + UUID.randomUUID()).getBytes();
        String sha = ModelRegistry.sha256(garbage);
        // Bypasses the registry's verification: the case of a blob damaged after registration.
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                blobs.put(sha, garbage);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ModelVersion v = new ModelVersion();
            v.id = UUID.randomUUID();
            v.modelName = config.modelName();
            v.version = "broken";
            v.artifactSha256 = sha;
            v.artifactFormat = ArtifactFormat.DJL;
            v.artifactBytes = garbage.length;
            v.architecture = "spreadnet-v1";
            v.inputSize = TestModels.INPUT;
            v.preprocessing = json(TestModels.spec("x", "x", 0.5).preprocessing());
            v.classOrder = json(TestModels.CLASSES);
            v.goodThreshold = 0.5;
            v.metrics = "{}";
            v.origin = ModelOrigin.IMPORTED;
            v.createdAt = Instant.now();
            v.persist();
        });
        try (KafkaTestClient.Watch serving = kafka.watch("models.serving")) {
            fixture.rollout(board, "broken", null, 0, null, 0);
            List<ConsumerRecord<String, byte[]>> failed = serving.await(r -> config.modelName().equals(r.key())
                    && fixture.read(r).get("status").asText().equals("LOAD_FAILED"), 1, ScoringFixture.WAIT);
            assertThat(failed).hasSize(1);
            assertThat(fixture.read(failed.get(0)).get("modelVersion").asText()).isEqualTo("broken");
            assertThat(fixture.read(failed.get(0)).get("detail").asText()).contains("artifact-unloadable");
        }
        List<JsonNode> events = awaitAll(send(3));
        assertThat(events).extracting(e -> e.get("modelVersion").asText()).containsOnly("v1");
        assertThat(meters.find("karyoloop.scoring.model.events").tag("status", "LOAD_FAILED").counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    private void register(String version, long seed, double threshold) {
        registry.register(TestModels.spec(config.modelName(), version, threshold),
                TestModels.spreadNetParams(3, seed));
    }

    private List<ImageIngested> send(int n) {
        List<ImageIngested> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ImageIngested image = fixture.newImage();
            images.add(image);
            fixture.send(image);
        }
        return images;
    }

    private List<JsonNode> awaitAll(List<ImageIngested> images) {
        Set<String> ids = ids(images);
        return decisions(scored.await(r -> ids.contains(r.key()) && mine(r), images.size(), ScoringFixture.WAIT));
    }

    /** Scored by this test JVM's model (other JVMs on the shared broker score the same images too). */
    private boolean mine(ConsumerRecord<String, byte[]> record) {
        return config.modelName().equals(fixture.read(record).path("modelName").asText());
    }

    private List<JsonNode> decisions(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(fixture::read).filter(e -> !e.get("arm").asText().equals("shadow")).toList();
    }

    private static Set<String> ids(List<ImageIngested> images) {
        return images.stream().map(i -> i.imageId().toString()).collect(Collectors.toCollection(HashSet::new));
    }

    private double count(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code path} on the management interface (health, metrics), which is not on the public port. */
    private String onManagement(String path) {
        return "http://" + management.getHost() + ":" + management.getPort() + path;
    }
}
