package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaptureHeadersTest {

    private static EncodedImage image;
    private static CaptureHeaders headers;

    @BeforeAll
    static void capture() {
        GeneratorConfig config = GeneratorConfig.defaults().withSize(96, 96).withSeed(3);
        image = EncodedImage.of(new SpreadGenerator(config).generate(0), ImageCodec.Format.PNG);
        headers = CaptureHeaders.of(image, "microscope-2", Instant.parse("2025-03-01T08:30:00.123456Z"));
    }

    @Test
    void kafkaRecordCarriesThePngBytesKeyedBySha256WithAllHeaders() {
        ProducerRecord<String, byte[]> record = KafkaImageSink.record("images.raw", image, headers);
        assertEquals("images.raw", record.topic());
        assertEquals(image.sha256(), record.key());
        assertArrayEquals(image.bytes(), record.value());
        Map<String, String> values = new HashMap<>();
        for (Header header : record.headers()) {
            values.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertEquals(Map.of(
                "content-type", "image/png",
                "idempotency-key", image.sha256(),
                "source-id", "microscope-2",
                "slide-id", image.image().slide().slideId(),
                "captured-at", "2025-03-01T08:30:00.123Z"), values);
    }

    @Test
    void httpRequestCarriesTheSameValuesAsHeaders() {
        HttpRequest request = RestImageSink.request(URI.create("http://127.0.0.1:8080/api/images"), image, headers);
        assertEquals("POST", request.method());
        assertEquals("image/png", request.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(image.sha256(), request.headers().firstValue("Idempotency-Key").orElseThrow());
        assertEquals("microscope-2", request.headers().firstValue("X-Source-Id").orElseThrow());
        assertEquals(image.image().slide().slideId(), request.headers().firstValue("X-Slide-Id").orElseThrow());
        assertEquals("2025-03-01T08:30:00.123Z", request.headers().firstValue("X-Captured-At").orElseThrow());
        assertEquals(image.bytes().length, request.bodyPublisher().orElseThrow().contentLength());
    }

    @Test
    void producerAcceptsRecordsUpToThirtyTwoMebibytes() {
        assertEquals(Integer.toString(32 * 1024 * 1024),
                KafkaImageSink.properties("127.0.0.1:9092").getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    }

    @Test
    void aSlideStaysUnderOneMicroscope() {
        SpreadGenerator generator = new SpreadGenerator(
                GeneratorConfig.defaults().withSize(64, 64).withImagesPerSlide(2));
        assertEquals(MicroscopeCommand.sourceOf(generator.generate(0), 3),
                MicroscopeCommand.sourceOf(generator.generate(1), 3));
        assertEquals("microscope-1", MicroscopeCommand.sourceOf(generator.generate(0), 3));
        assertEquals("microscope-2", MicroscopeCommand.sourceOf(generator.generate(2), 3));
    }
}
