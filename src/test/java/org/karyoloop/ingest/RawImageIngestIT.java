package org.karyoloop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.ingest.persistence.Image;
import org.karyoloop.ingest.persistence.ImageRepository;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.TestImages;

/** Ingest through the real broker and the real database: images.raw in, images.ingested and images.dlq out. */
@QuarkusTest
class RawImageIngestIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ImageRepository images;

    @Inject
    BlobStore blobs;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    KafkaTestClient kafka;
    KafkaTestClient.Watch ingested;
    KafkaTestClient.Watch dlq;

    @BeforeEach
    void watchTopics() {
        kafka = new KafkaTestClient();
        ingested = kafka.watch("images.ingested");
        dlq = kafka.watch("images.dlq");
    }

    @AfterEach
    void close() {
        ingested.close();
        dlq.close();
        kafka.close();
    }

    @Test
    void pngRecordBecomesRowBlobAndEventAndResendCreatesNothing() throws Exception {
        byte[] png = TestImages.uniquePng(96, 64);
        String sha = ImageIngestService.sha256(png);
        Map<String, String> headers = Map.of("content-type", "image/png", "source-id", "scope-7", "slide-id",
                "slide-42", "captured-at", "2026-11-28T09:15:00Z", "idempotency-key", "k-" + sha.substring(0, 12));

        kafka.send("images.raw", "scope-7", png, headers);

        List<ConsumerRecord<String, byte[]>> events = ingested.await(r -> KafkaTestClient.hasSha(r, sha), 1, WAIT);
        assertThat(events).hasSize(1);
        JsonNode event = mapper.readTree(events.get(0).value());
        assertThat(event.get("width").asInt()).isEqualTo(96);
        assertThat(event.get("height").asInt()).isEqualTo(64);
        assertThat(event.get("sourceId").asText()).isEqualTo("scope-7");
        assertThat(event.get("slideId").asText()).isEqualTo("slide-42");
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(events.get(0).key()).isEqualTo(event.get("imageId").asText());
        assertThat(KafkaTestClient.header(events.get(0), "ce_id")).isEqualTo(event.get("eventId").asText());

        Image row = QuarkusTransaction.requiringNew().call(() -> images.findBySha256(sha).orElseThrow());
        assertThat(row.id).isEqualTo(UUID.fromString(event.get("imageId").asText()));
        assertThat(row.format).isEqualTo("PNG");
        assertThat(row.capturedAt).hasToString("2026-11-28T09:15:00Z");
        try (var in = blobs.open(sha).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(png);
        }

        double duplicatesBefore = duplicates();
        kafka.send("images.raw", "scope-7", png, headers);
        kafka.send("images.raw", "scope-7", png, Map.of("content-type", "image/png"));
        await().atMost(WAIT).until(() -> duplicates() >= duplicatesBefore + 2);
        assertThat(ingested.drain(r -> KafkaTestClient.hasSha(r, sha), Duration.ofSeconds(1))).hasSize(1);
        long rows = QuarkusTransaction.requiringNew().call(() -> images.count("sha256", sha));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void corruptRecordIsDeadLetteredWithReasonAndBytesAndTheNextRecordIsStillIngested() {
        byte[] png = TestImages.uniquePng(80, 80);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        byte[] garbage = ("not an image " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] good = TestImages.uniquePng(64, 64);
        String goodSha = ImageIngestService.sha256(good);

        kafka.send("images.raw", "scope-1", truncated, Map.of("source-id", "scope-1"));
        kafka.send("images.raw", "scope-1", garbage, Map.of("source-id", "scope-1"));
        kafka.send("images.raw", "scope-1", good, Map.of("source-id", "scope-1"));

        assertThat(ingested.await(r -> KafkaTestClient.hasSha(r, goodSha), 1, WAIT)).hasSize(1);
        List<ConsumerRecord<String, byte[]>> dead = dlq.await(
                r -> Arrays.equals(r.value(), truncated) || Arrays.equals(r.value(), garbage), 2, WAIT);
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, byte[]> deadTruncated = dead.stream()
                .filter(r -> Arrays.equals(r.value(), truncated)).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(deadTruncated, "dead-letter-reason")).isIn("truncated", "corrupt");
        assertThat(KafkaTestClient.header(deadTruncated, "source-id")).isEqualTo("scope-1");
        assertThat(KafkaTestClient.header(deadTruncated, "dead-letter-topic")).isEqualTo("images.raw");
        ConsumerRecord<String, byte[]> deadGarbage = dead.stream()
                .filter(r -> Arrays.equals(r.value(), garbage)).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(deadGarbage, "dead-letter-reason")).isEqualTo("not-an-image");
        assertThat(KafkaTestClient.header(deadGarbage, "dead-letter-detail")).isNotBlank();
    }

    private double duplicates() {
        var counter = registry.find("karyoloop.ingest.images").tags("outcome", "duplicate", "origin", "kafka")
                .counter();
        return counter == null ? 0 : counter.count();
    }

}
