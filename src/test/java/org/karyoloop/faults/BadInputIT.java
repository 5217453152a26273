package org.karyoloop.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.karyoloop.faults.BadInputCorpus.Entry;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.TestImages;

/**
 * The bad-input corpus through Kafka and REST against the real broker and database: every file is stored or
 * refused with its reason (a dead letter with {@code dead-letter-reason}, or a 4xx problem+json), and the
 * service keeps serving. Also malformed REST bodies on the doctors' and operators' APIs.
 */
@QuarkusTest
class BadInputIT {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String ID = "00000000-0000-0000-0000-00000000bad1";

    @Test
    void everyCorpusFileThroughRestIsStoredOrRefusedWithItsReason() {
        for (Entry e : BadInputCorpus.entries(System.nanoTime())) {
            ValidatableResponse response = asLabSystem().contentType(e.contentType()).body(e.bytes())
                    .when().post("/api/images").then();
            if (e.acceptable()) {
                String id = response.statusCode(201).extract().path("id");
                asOperator().when().get("/api/images/" + id).then().statusCode(200);
            } else {
                problem(response, e.expected());
            }
        }
    }

    @Test
    void tiffNamedJpegInAMultipartFormIsStoredAsTiff() {
        Entry e = entry("tiff-named-jpeg", System.nanoTime());
        String id = asLabSystem().multiPart("file", e.fileName(), e.bytes(), "image/jpeg")
                .when().post("/api/images").then().statusCode(201).extract().path("id");
        asOperator().when().get("/api/images/" + id).then().statusCode(200).body("format", equalTo("TIFF"));
    }

    @Test
    void everyCorpusFileThroughKafkaIsIngestedOrDeadLetteredWithItsReason() {
        String run = "badinput-" + UUID.randomUUID();
        List<Entry> corpus = BadInputCorpus.entries(System.nanoTime());
        try (KafkaTestClient kafka = new KafkaTestClient();
                KafkaTestClient.Watch ingested = kafka.watch("images.ingested");
                KafkaTestClient.Watch dlq = kafka.watch("images.dlq")) {
            for (Entry e : corpus) {
                kafka.send("images.raw", e.name(), e.bytes(),
                        Map.of("content-type", e.contentType(), "source-id", run + "-" + e.name()));
            }
            long good = corpus.stream().filter(Entry::acceptable).count();
            List<ConsumerRecord<String, byte[]>> stored = ingested.await(r -> text(r).contains(run), (int) good,
                    Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> dead = dlq.await(
                    r -> String.valueOf(KafkaTestClient.header(r, "source-id")).startsWith(run),
                    corpus.size() - (int) good, Duration.ofSeconds(60));
            for (Entry e : corpus) {
                String source = run + "-" + e.name();
                long storedCount = stored.stream().filter(r -> text(r).contains("\"" + source + "\"")).count();
                List<String> reasons = dead.stream().filter(r -> source.equals(KafkaTestClient.header(r, "source-id")))
                        .map(r -> KafkaTestClient.header(r, "dead-letter-reason")).toList();
                if (e.acceptable()) {
                    assertThat(storedCount).as(e + " stored once").isEqualTo(1);
                    assertThat(reasons).as(e + " not dead-lettered").isEmpty();
                } else {
                    assertThat(reasons).as(e + " dead-lettered with its reason").containsExactly(e.expected());
                    assertThat(storedCount).as(e + " not stored").isZero();
                }
            }
        }
        serviceStillServes();
    }

    @Test
    void fiftyMegabyteFileIsRefusedByTheProducerAndAnswered413OverRest() {
        Entry huge = BadInputCorpus.huge(System.nanoTime());
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            // images.raw allows 32 MiB records: the broker refuses the batch and the producer reports it.
            assertThatThrownBy(() -> kafka.send("images.raw", huge.name(), huge.bytes(), Map.of()))
                    .hasRootCauseInstanceOf(RecordTooLargeException.class);
        }
        problem(asLabSystem().contentType(huge.contentType()).body(huge.bytes()).when().post("/api/images").then(),
                huge.expected()).statusCode(413);
        serviceStillServes();
    }

    @Test
    void malformedDoctorBodiesGetProblemJson() {
        String label = "/api/annotation/items/" + ID + "/label";
        problem(asDoctor().contentType("application/json").body("{\"grade\": GOOD").when().post(label).then(), null)
                .statusCode(400);
        problem(asDoctor().contentType("application/json").body("{\"grade\":\"EXCELLENT\"}").when().post(label)
                .then(), null).statusCode(400);
        problem(asDoctor().contentType("application/json").body("[1,2]").when().post(label).then(), null)
                .statusCode(400);
        problem(asDoctor().contentType("application/json")
                .body("{\"grade\":\"GOOD\",\"comment\":\"" + "x".repeat(5000) + "\"}").when().post(label).then(),
                "invalid-label").statusCode(400);
        problem(asDoctor().contentType("application/json").body("{\"grade\":\"GOOD\"}").when().post(label).then(),
                "item-not-found").statusCode(404);
        problem(asDoctor().contentType("application/json").body("{\"reason\":\"blurry\"}")
                .when().post("/api/annotation/items/" + ID + "/skip").then(), null).statusCode(404);
        problem(asDoctor().when().post("/api/annotation/items/not-a-uuid/release").then(), null).statusCode(404);
        problem(asOperator().when().get("/api/annotation/tasks/" + ID + "/image").then(), null).statusCode(404);
    }

    @Test
    void malformedOperatorBodiesGetProblemJson() {
        String actions = "/api/rollouts/badinput-" + UUID.randomUUID() + "/actions";
        problem(asOperatorJson().body("{not json").when().post(actions).then(), null).statusCode(400);
        problem(asOperatorJson().body("{\"action\":\"weight\",\"weight\":\"lots\"}").when().post(actions).then(),
                null).statusCode(400);
        problem(asOperatorJson().body("{\"action\":\"weight\",\"weight\":500}").when().post(actions).then(), null)
                .statusCode(400);
        problem(asOperatorJson().body("{\"action\":\"pin\",\"version\":\"v1\",\"reason\":\"" + "r".repeat(5000)
                + "\"}").when().post(actions).then(), null).statusCode(400);
        problem(asOperatorJson().body("{\"action\":\"explode\",\"reason\":\"r\"}").when().post(actions).then(),
                "invalid-body").statusCode(400);
        problem(asOperatorJson().body("{\"action\":\"canary\",\"version\":\"no-such-version\"}").when()
                .post(actions).then(), "rollout-conflict").statusCode(409);
    }

    private void serviceStillServes() {
        asLabSystem().contentType("image/png").body(TestImages.uniquePng(64, 48)).when().post("/api/images")
                .then().statusCode(201).body("id", notNullValue());
        given().when().get(onManagement("/q/health/live")).then().statusCode(200);
    }

    /** Checks a problem+json answer in the 4xx range, with {@code code} when given. */
    private static ValidatableResponse problem(ValidatableResponse response, String code) {
        response.contentType("application/problem+json").body("status", notNullValue());
        int status = response.extract().statusCode();
        assertThat(status).isBetween(400, 499);
        if (code != null) {
            response.body("code", equalTo(code));
        }
        return response;
    }

    private static Entry entry(String name, long seed) {
        return BadInputCorpus.entries(seed).stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static String text(ConsumerRecord<String, byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    private static RequestSpecification asLabSystem() {
        return given().auth().preemptive().basic("labsys1", "labsys1-pass");
    }

    private static RequestSpecification asOperator() {
        return given().auth().preemptive().basic("operator1", "operator1-pass");
    }

    private static RequestSpecification asOperatorJson() {
        return asOperator().contentType("application/json");
    }

    private static RequestSpecification asDoctor() {
        return given().auth().preemptive().basic("doctor1", "doctor1-pass");
    }

    /** {@code path} on the management interface (health, metrics), which is not on the public port. */
    private String onManagement(String path) {
        return "http://" + management.getHost() + ":" + management.getPort() + path;
    }
}
