package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The microscope against stand-ins for ingest: an in-process HTTP server and Kafka's MockProducer. */
class MicroscopeTest {

    @TempDir
    Path folder;

    /** What the stand-in ingest endpoint received: body size and the headers that matter. */
    private record Received(int bytes, String contentType, String key, String source, String slide, String capturedAt) {
    }

    @Test
    void restMicroscopePostsEveryImageWithItsHeadersAndWritesTheManifest() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(RestImageSink.PATH, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            received.add(new Received(body.length, h.getFirst("Content-Type"), h.getFirst("Idempotency-Key"),
                    h.getFirst("X-Source-Id"), h.getFirst("X-Slide-Id"), h.getFirst("X-Captured-At")));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        try {
            Path manifest = folder.resolve("pushed.jsonl");
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SynthCli.run(new String[] {"microscope", "--rest", base, "--max", "--count", "5", "--size", "96",
                "--images-per-slide", "2", "--sources", "3", "--manifest", manifest.toString(), "--threads", "2"},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertEquals(5, received.size());
            List<String> lines = Files.readAllLines(manifest);
            assertEquals(5, lines.size());
            for (String line : lines) {
                ManifestEntry entry = ManifestWriter.fromJson(line);
                Received match = received.stream().filter(r -> r.key().equals(entry.sha256())).findFirst()
                        .orElseThrow();
                assertEquals("image/png", match.contentType());
                assertEquals(entry.slide(), match.slide());
                assertEquals(entry.sourceId(), match.source());
                assertEquals(entry.capturedAt(), match.capturedAt());
                assertTrue(Instant.parse(match.capturedAt()).isBefore(Instant.now().plusSeconds(1)));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void restMicroscopeFailsWhenIngestRefusesImages() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(RestImageSink.PATH, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            int code = SynthCli.run(
                    new String[] {"microscope", "--rest", "http://127.0.0.1:" + server.getAddress().getPort(),
                        "--rate", "50", "--count", "2", "--size", "64", "--manifest",
                        folder.resolve("m.jsonl").toString()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(1, code);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void kafkaSinkSendsOneRecordPerImageAndCountsAcknowledgements() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        EncodedImage image = EncodedImage.of(
                new SpreadGenerator(GeneratorConfig.defaults().withSize(64, 64)).generate(0), ImageCodec.Format.PNG);
        try (KafkaImageSink sink = new KafkaImageSink(producer, "images.raw")) {
            sink.send(image, CaptureHeaders.of(image, "microscope-1", Instant.now()));
            sink.flush();
            assertEquals(1, sink.acknowledged());
            assertEquals(0, sink.failed());
        }
        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertEquals(image.sha256(), record.key());
        assertEquals("microscope-1",
                new String(record.headers().lastHeader("source-id").value(), StandardCharsets.UTF_8));
    }

    @Test
    void microscopeNeedsExactlyOneTargetAndOnePace() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, SynthCli.run(new String[] {"microscope", "--max", "--count", "1"}, quiet, quiet));
        assertEquals(2, SynthCli.run(new String[] {"microscope", "--rest", "http://127.0.0.1:1", "--count", "1"}, quiet,
                quiet));
    }
}
