package org.karyoloop.annotation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.Grade;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.ml.spread.NotSpreadReason;
import org.karyoloop.testing.KafkaTestClient;

/**
 * The labeling queue against the real database and broker: leases, idempotent submits, skips, lease
 * expiry, blind double reads with adjudication, and requests from Kafka. Test items get a priority far
 * above anything else so each test claims its own.
 */
@QuarkusTest
class LabelingQueueIT {

    @Inject
    TaskIntake intake;
    @Inject
    TaskQueue queue;
    @Inject
    LabelService labels;
    @Inject
    AgreementReport agreement;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper mapper;

    @Test
    void retriedSubmitReturnsTheStoredLabelAndEmitsOneEvent() throws Exception {
        LabelingRequested request = Requests.forReads(1, 5000);
        UUID task = intake.accept(request);
        try (KafkaTestClient kafka = new KafkaTestClient(); var submitted = kafka.watch("labels.submitted")) {
            ClaimedItem item = queue.claim("q-doc-a", null).orElseThrow();
            assertThat(item.taskId()).isEqualTo(task);
            assertThat(item.modelGuess()).as("the model's guess is hidden by default").isNull();
            LabelInput input = new LabelInput(Grade.GOOD, 100, List.of("blur", "overlaps"), "crisp");
            LabelView first = labels.submit("q-doc-a", item.itemId(), input);
            LabelView retry = labels.submit("q-doc-a", item.itemId(), input);
            assertThat(first.created()).isTrue();
            assertThat(retry.created()).isFalse();
            assertThat(retry.labelId()).isEqualTo(first.labelId());
            assertThat(first.finalLabel()).isTrue();
            assertThat(first.flags()).containsExactly("overlaps", "blur");

            List<ConsumerRecord<String, byte[]>> events = submitted.await(
                    r -> r.key().equals(request.imageId().toString()), 1, Duration.ofSeconds(20));
            assertThat(submitted.drain(r -> r.key().equals(request.imageId().toString()), Duration.ofSeconds(1)))
                    .hasSize(1);
            JsonNode event = mapper.readTree(events.get(0).value());
            assertThat(event.path("labelId").asText()).isEqualTo(first.labelId().toString());
            assertThat(event.path("finalLabel").asBoolean()).isTrue();
            assertThat(event.path("modelVersion").asText()).isEqualTo("v7");
            assertThat(event.path("arm").asText()).isEqualTo("canary");
            assertThat(KafkaTestClient.header(events.get(0), "ce_type")).isEqualTo("org.karyoloop.LabelSubmitted");
        }
        assertThat(count("select count(*) from audit_event where actor = 'q-doc-a' and action = 'label.submit'"))
                .isEqualTo(1);
    }

    @Test
    void expiredLeaseReturnsTheItemAndTheOldHolderCannotSubmit() throws Exception {
        intake.accept(Requests.forReads(1, 5000));
        ClaimedItem item = queue.claim("q-doc-b", null).orElseThrow();
        expireLease(item.itemId());
        ClaimedItem again = queue.claim("q-doc-c", null).orElseThrow();
        assertThat(again.itemId()).isEqualTo(item.itemId());
        assertThatThrownBy(() -> labels.submit("q-doc-b", item.itemId(), new LabelInput(Grade.POOR, null, null, null)))
                .isInstanceOf(LabelingConflictException.class).hasMessageContaining("not leased to you");
        labels.submit("q-doc-c", item.itemId(), new LabelInput(Grade.POOR, 40, null, null));
    }

    @Test
    void releasingAnotherDoctorsLeaseIsAConflictAndLeavesTheLease() throws Exception {
        intake.accept(Requests.forReads(1, 5000));
        ClaimedItem item = queue.claim("q-doc-r1", null).orElseThrow();
        assertThatThrownBy(() -> queue.release("q-doc-r2", item.itemId()))
                .isInstanceOf(LabelingConflictException.class).hasMessageContaining("not leased to you");
        assertThat(count("select count(*) from labeling_item where id = '" + item.itemId()
                + "' and status = 'leased' and leased_by = 'q-doc-r1'")).isEqualTo(1);
        queue.release("q-doc-r1", item.itemId());
        queue.release("q-doc-r1", item.itemId());
        assertThat(count("select count(*) from labeling_item where id = '" + item.itemId()
                + "' and status = 'queued'")).as("a retried release is a no-op").isEqualTo(1);
        assertThatThrownBy(() -> queue.release("q-doc-r1", UUID.randomUUID()))
                .isInstanceOf(ItemNotFoundException.class);
        ClaimedItem again = queue.claim("q-doc-r1", null).orElseThrow();
        assertThat(again.itemId()).isEqualTo(item.itemId());
        labels.submit("q-doc-r1", again.itemId(), new LabelInput(Grade.POOR, 40, null, null));
    }

    @Test
    void skippedTaskIsNotOfferedToThatDoctorAgainButToOthers() throws Exception {
        UUID task = intake.accept(Requests.forReads(1, 5000));
        ClaimedItem item = queue.claim("q-doc-d", null).orElseThrow();
        queue.skip("q-doc-d", item.itemId(), "out of focus, cannot judge");
        queue.skip("q-doc-d", item.itemId(), "out of focus, cannot judge");
        assertThat(queue.claim("q-doc-d", null).map(ClaimedItem::taskId)).isNotEqualTo(java.util.Optional.of(task));
        assertThat(queue.claim("q-doc-e", null).orElseThrow().taskId()).isEqualTo(task);
    }

    @Test
    void disagreeingBlindReadsGoToAdjudicationWhoseLabelIsFinal() throws Exception {
        UUID task = intake.accept(Requests.forReads(2, 6000));
        ClaimedItem first = queue.claim("q-doc-f", null).orElseThrow();
        ClaimedItem second = queue.claim("q-doc-g", null).orElseThrow();
        assertThat(List.of(first.taskId(), second.taskId())).containsOnly(task);
        assertThat(first.itemId()).isNotEqualTo(second.itemId());
        assertThat(queue.claim("q-doc-f", first.itemId()).map(ClaimedItem::taskId))
                .as("one doctor never reads a task twice").isNotEqualTo(java.util.Optional.of(task));

        LabelView a = labels.submit("q-doc-f", first.itemId(), new LabelInput(Grade.GOOD, null, null, null));
        ClaimedItem blind = second;
        assertThat(blind.reads()).as("a second read is blind").isEmpty();
        LabelView b = labels.submit("q-doc-g", second.itemId(), new LabelInput(Grade.POOR, null, null, null));
        assertThat(a.finalLabel()).isFalse();
        assertThat(b.finalLabel()).isFalse();

        ClaimedItem adjudication = queue.claim("q-doc-h", null).orElseThrow();
        assertThat(adjudication.kind()).isEqualTo("adjudication");
        assertThat(adjudication.reads()).extracting(ClaimedItem.PriorRead::grade).containsExactly("GOOD", "POOR");
        LabelView fin = labels.submit("q-doc-h", adjudication.itemId(), new LabelInput(Grade.FAIR, 90, null, null));
        assertThat(fin.finalLabel()).isTrue();
        assertThat(fin.readKind()).isEqualTo("adjudication");
        assertThat(count("select count(*) from labeling_task where id = '" + task + "' and state = 'done'"))
                .isEqualTo(1);
        assertThat(agreement.compute().doctors()).extracting(AgreementReport.DoctorAgreement::doctor)
                .contains("q-doc-f", "q-doc-g");
    }

    @Test
    void claimedItemShowsTheModalityAndWhyScoringSaysItIsNotASpread() throws Exception {
        LabelingRequested karyogram = Requests.measured(Requests.forReads(1, 9600), "fluorescence-inverted",
                "karyogram");
        LabelingRequested spread = Requests.measured(Requests.forReads(1, 9599), "brightfield", null);
        LabelingRequested older = Requests.measured(Requests.forReads(1, 9598), null, null);
        LabelingRequested foreign = Requests.measured(Requests.forReads(1, 9597), "fluorescence", "out-of-focus");
        for (LabelingRequested r : List.of(karyogram, spread, older, foreign)) {
            intake.accept(r);
        }
        // The doctor's claims must reach these items, not leases another test left with this doctor.
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update labeling_item set status = 'queued', leased_by = null, lease_until = null"
                        + " where status = 'leased' and leased_by = 'doctor2'")) {
            s.executeUpdate();
        }

        JsonPath first = claimAsDoctor2(karyogram);
        assertThat(first.getString("modality")).isEqualTo("fluorescence-inverted");
        assertThat(first.getString("notASpread.reason")).isEqualTo("karyogram");
        assertThat(first.getString("notASpread.description")).isEqualTo(NotSpreadReason.KARYOGRAM.description());
        JsonPath second = claimAsDoctor2(spread);
        assertThat(second.getString("modality")).isEqualTo("brightfield");
        assertThat(second.getMap("$")).doesNotContainKey("notASpread");
        JsonPath third = claimAsDoctor2(older);
        assertThat(third.getMap("$")).as("a request that did not say").doesNotContainKeys("modality", "notASpread");
        JsonPath fourth = claimAsDoctor2(foreign);
        assertThat(fourth.getString("modality")).isEqualTo("fluorescence");
        assertThat(fourth.getString("notASpread.reason")).isEqualTo("out-of-focus");
        assertThat(fourth.getMap("notASpread")).as("a code karyoloop has no sentence for")
                .doesNotContainKey("description");
    }

    /** Claims the next item as doctor2 over REST, checks that it is {@code expected}'s, and labels it. */
    private static JsonPath claimAsDoctor2(LabelingRequested expected) {
        JsonPath item = given().auth().preemptive().basic("doctor2", "doctor2-pass").post("/api/annotation/claims")
                .then().statusCode(200).extract().jsonPath();
        assertThat(item.getString("imageId")).isEqualTo(expected.imageId().toString());
        given().auth().preemptive().basic("doctor2", "doctor2-pass").contentType("application/json")
                .body("{\"grade\":\"POOR\"}").post("/api/annotation/items/" + item.getString("itemId") + "/label")
                .then().statusCode(201);
        return item;
    }

    @Test
    void requestWithAnUnknownModalityOrABadReasonIsDeadLetteredAndMakesNoTask() throws Exception {
        LabelingRequested infrared = Requests.measured(Requests.forReads(1, 1), "infrared", null);
        LabelingRequested sentence = Requests.measured(Requests.forReads(1, 1), "brightfield",
                "Not a spread; the field is empty");
        try (KafkaTestClient kafka = new KafkaTestClient(); var dlq = kafka.watch("labeling.requests.dlq")) {
            for (LabelingRequested r : List.of(infrared, sentence)) {
                kafka.send("labeling.requests", r.imageId().toString(), mapper.writeValueAsBytes(r), Map.of());
            }
            List<ConsumerRecord<String, byte[]>> dead = new java.util.ArrayList<>();
            for (LabelingRequested r : List.of(infrared, sentence)) {
                dead.addAll(dlq.await(d -> d.key().equals(r.imageId().toString()), 1, Duration.ofSeconds(30)));
            }
            assertThat(dead).extracting(ConsumerRecord::key)
                    .contains(infrared.imageId().toString(), sentence.imageId().toString());
            assertThat(dead).allSatisfy(r -> assertThat(KafkaTestClient.header(r, "dead-letter-reason"))
                    .isEqualTo("invalid-event"));
            for (ConsumerRecord<String, byte[]> r : dead) {
                LabelingRequested sent = r.key().equals(infrared.imageId().toString()) ? infrared : sentence;
                assertThat(r.value()).as("the original bytes").isEqualTo(mapper.writeValueAsBytes(sent));
                assertThat(KafkaTestClient.header(r, "dead-letter-detail"))
                        .contains(sent == infrared ? "unknown modality 'infrared'" : "notSpreadReason");
            }
        }
        assertThat(count("select count(*) from labeling_task where image_id in ('" + infrared.imageId() + "', '"
                + sentence.imageId() + "')")).isZero();
    }

    @Test
    void requestFromKafkaBecomesOneTaskEvenWhenRedelivered() throws Exception {
        LabelingRequested request = Requests.measured(Requests.forReads(1, 1), "fluorescence", "saturated");
        byte[] json = mapper.writeValueAsBytes(request);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("labeling.requests", request.imageId().toString(), json, Map.of());
            kafka.send("labeling.requests", request.imageId().toString(), json, Map.of());
            kafka.send("labeling.requests", "x", "not json".getBytes(), Map.of());
        }
        String sql = "select count(*) from labeling_task where request_event_id = '" + request.eventId() + "'";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(sql) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        assertThat(count(sql)).isEqualTo(1);
        assertThat(count(sql + " and modality = 'fluorescence' and not_spread_reason = 'saturated'"))
                .as("what scoring measured is kept with the task").isEqualTo(1);
    }

    private void expireLease(UUID itemId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update labeling_item set lease_until = now() - interval '1 second' where id = ?")) {
            s.setObject(1, itemId);
            s.executeUpdate();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
