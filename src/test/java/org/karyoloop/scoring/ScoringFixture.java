package org.karyoloop.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.events.RolloutStateChanged;
import org.karyoloop.ingest.ImageIngestService;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.scoring.messaging.RolloutFollower;
import org.karyoloop.scoring.serving.ModelSwitchboard;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.SpreadImages;

/** What the scoring integration tests share: feeding images and rollout states, reading events back. */
final class ScoringFixture {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaTestClient kafka;
    private final ObjectMapper mapper;
    private final BlobStore blobs;
    private final String modelName;

    ScoringFixture(KafkaTestClient kafka, ObjectMapper mapper, BlobStore blobs, String modelName) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.blobs = blobs;
        this.modelName = modelName;
    }

    /** Waits until the scoring consumer owns its partitions and the rollout follower caught up. */
    static void awaitWired(KafkaClientService clients, RolloutFollower follower) {
        Awaitility.await().atMost(WAIT).until(() -> follower.caughtUp() && !clients
                .getConsumer(Channels.IMAGES_INGESTED).getAssignments().await().indefinitely().isEmpty());
    }

    /** Side of the fixture's images: large enough that a synthetic spread is measured as one, small enough to be quick. */
    static final int SIZE = 384;

    /**
     * Stores a fresh image (a GOOD synthetic bright-field spread, so that scoring measures a spread and leaves the
     * grade to the model) in the blob store, as ingest would, and returns its ImageIngested.
     */
    ImageIngested newImage() {
        return newImage(SpreadImages.brightfieldPng(SIZE), SIZE, SIZE, "brightfield");
    }

    /** Stores {@code png} in the blob store (as ingest would) and returns its ImageIngested. */
    ImageIngested newImage(byte[] png, int width, int height, String modality) {
        String sha = ImageIngestService.sha256(png);
        try {
            blobs.put(sha, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImageIngested(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), sha, blobs.uri(sha), "PNG",
                width, height, 8, png.length, "scope-t", "slide-t", null, 200, 30, 220, 0.1, modality);
    }

    void send(ImageIngested image) {
        kafka.send("images.ingested", image.imageId().toString(), json(image), Map.of());
    }

    /** Publishes a rollout state and waits until this replica applied it. */
    void rollout(ModelSwitchboard board, String stable, String canary, int weight, String shadow, int percent) {
        RolloutStateChanged state = new RolloutStateChanged(UUID.randomUUID(), Instant.now(), 1, modelName, stable,
                canary, weight, shadow, percent, false, "test", "test");
        kafka.send("models.rollout", modelName, json(state), Map.of());
        Awaitility.await().atMost(WAIT).until(() -> board.current().state() != null
                && state.eventId().equals(board.current().state().eventId()));
    }

    JsonNode read(ConsumerRecord<String, byte[]> record) {
        try {
            return mapper.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
