package org.karyoloop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.ingest.persistence.ImageRepository;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.TestImages;

/** Claim-check records on images.raw: files below the configured root only, through the real broker. */
@QuarkusTest
class ClaimCheckIngestIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> CLAIM = Map.of("content-type",
            "application/vnd.karyoloop.claim-check+json", "source-id", "share-1");

    @Inject
    IngestConfig config;

    @Inject
    ImageRepository images;

    @Inject
    ObjectMapper mapper;

    KafkaTestClient kafka;
    KafkaTestClient.Watch ingested;
    KafkaTestClient.Watch dlq;
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        root = Path.of(config.claimCheckRoot()).toAbsolutePath();
        Files.createDirectories(root);
        kafka = new KafkaTestClient();
        ingested = kafka.watch("images.ingested");
        dlq = kafka.watch("images.dlq");
    }

    @AfterEach
    void tearDown() {
        ingested.close();
        dlq.close();
        kafka.close();
    }

    @Test
    void claimCheckBelowTheRootIsIngestedFromTheFile() throws Exception {
        byte[] tiff = TestImages.unique("tiff", 40, 30);
        String sha = ImageIngestService.sha256(tiff);
        Path file = Files.write(root.resolve("spread-" + UUID.randomUUID() + ".tif"), tiff);

        kafka.send("images.raw", "share-1", claim(file.toUri().toString()), CLAIM);

        assertThat(ingested.await(r -> KafkaTestClient.hasSha(r, sha), 1, WAIT)).hasSize(1);
        String origin = QuarkusTransaction.requiringNew().call(() -> images.findBySha256(sha).orElseThrow().origin);
        assertThat(origin).isEqualTo("claim-check");
    }

    @Test
    void claimChecksOutsideTheRootAreDeadLetteredAsForbiddenWithoutServerPaths() throws Exception {
        Path outside = Files.createTempFile("outside", ".png");
        Files.write(outside, TestImages.uniquePng(10, 10));
        Path link = root.resolve("link-" + UUID.randomUUID() + ".png");
        Files.createSymbolicLink(link, outside);
        Path dangling = root.resolve("dangling-" + UUID.randomUUID() + ".png");
        Files.createSymbolicLink(dangling, outside.resolveSibling("missing-" + UUID.randomUUID() + ".png"));
        byte[] direct = claim(outside.toUri().toString());
        byte[] traversal = claim(root.toUri() + "../" + outside.getFileName() + "?x=" + UUID.randomUUID());
        byte[] viaLink = claim(link.toUri().toString());
        byte[] viaDanglingLink = claim(dangling.toUri().toString());
        byte[] http = claim("http://example.org/" + UUID.randomUUID() + ".png");
        List<byte[]> values = List.of(direct, traversal, viaLink, viaDanglingLink, http);

        for (byte[] value : values) {
            kafka.send("images.raw", "share-1", value, CLAIM);
        }

        // On a broker shared with other checkouts' test runs, their ingest may dead-letter these records too (each
        // test JVM consumes in its own group): every dead letter of these values must hold, and each value has one.
        List<ConsumerRecord<String, byte[]>> dead = dlq.await(r -> isOneOf(r, values.toArray(byte[][]::new)),
                values.size(), WAIT);
        for (byte[] value : values) {
            assertThat(dead).as(new String(value, StandardCharsets.UTF_8))
                    .anyMatch(r -> Arrays.equals(r.value(), value));
        }
        assertThat(dead).allSatisfy(r -> assertThat(KafkaTestClient.header(r, "dead-letter-reason"))
                .isIn("claim-check-forbidden", "claim-check-invalid"));
        List<String> uris = List.of(outside.toUri().toString(), root.toUri() + "../" + outside.getFileName(),
                link.toUri().toString(), dangling.toUri().toString());
        assertThat(dead).allSatisfy(r -> {
            String detail = KafkaTestClient.header(r, "dead-letter-detail");
            for (String uri : uris) {
                detail = detail.replace(uri, "<uri>");
            }
            assertThat(detail).as("beyond the sender's own URI, no server path").doesNotContain("test-claims", "/");
        });
        String linkDetail = detailOf(dead, viaLink).replace(link.toUri().toString(), "<uri>");
        String danglingDetail = detailOf(dead, viaDanglingLink).replace(dangling.toUri().toString(), "<uri>");
        assertThat(danglingDetail).as("a link to nowhere reads like a link outside the root").isEqualTo(linkDetail);
        assertThat(dead.stream().filter(r -> Arrays.equals(r.value(), viaDanglingLink)))
                .allSatisfy(r -> assertThat(KafkaTestClient.header(r, "dead-letter-reason"))
                        .isEqualTo("claim-check-forbidden"));
    }

    private static String detailOf(List<ConsumerRecord<String, byte[]>> dead, byte[] value) {
        return KafkaTestClient.header(dead.stream().filter(r -> Arrays.equals(r.value(), value)).findFirst()
                .orElseThrow(), "dead-letter-detail");
    }

    private byte[] claim(String uri) throws Exception {
        return mapper.writeValueAsString(Map.of("uri", uri)).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isOneOf(ConsumerRecord<String, byte[]> record, byte[]... values) {
        return Arrays.stream(values).anyMatch(v -> Arrays.equals(v, record.value()));
    }

}
