package org.karyoloop.synth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * What a microscope says about an image it sends, as Kafka record headers or HTTP headers.
 *
 * @param contentType MIME type of the bytes
 * @param idempotencyKey the same for every re-send of the same image: its SHA-256
 * @param sourceId the microscope
 * @param slideId the slide the image was taken from
 * @param capturedAt when it was captured
 */
public record CaptureHeaders(String contentType, String idempotencyKey, String sourceId, String slideId,
        Instant capturedAt) {

    public static final String KAFKA_CONTENT_TYPE = "content-type";
    public static final String KAFKA_IDEMPOTENCY_KEY = "idempotency-key";
    public static final String KAFKA_SOURCE_ID = "source-id";
    public static final String KAFKA_SLIDE_ID = "slide-id";
    public static final String KAFKA_CAPTURED_AT = "captured-at";
    public static final String HTTP_CONTENT_TYPE = "Content-Type";
    public static final String HTTP_IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String HTTP_SOURCE_ID = "X-Source-Id";
    public static final String HTTP_SLIDE_ID = "X-Slide-Id";
    public static final String HTTP_CAPTURED_AT = "X-Captured-At";

    /** The headers of an encoded image sent by a source at a time (kept to the millisecond). */
    public static CaptureHeaders of(EncodedImage image, String sourceId, Instant capturedAt) {
        return new CaptureHeaders(image.format().contentType(), image.sha256(), sourceId,
                image.image().slide().slideId(), capturedAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The capture time as ISO-8601 in UTC, e.g. 2025-01-31T10:15:30.123Z. */
    public String capturedAtIso() {
        return DateTimeFormatter.ISO_INSTANT.format(capturedAt);
    }

    /** Kafka record headers, values in UTF-8. */
    public List<Header> kafkaHeaders() {
        List<Header> headers = new ArrayList<>(5);
        kafkaNames()
                .forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    /** HTTP request headers of POST /api/images. */
    public Map<String, String> httpHeaders() {
        return named(HTTP_CONTENT_TYPE, HTTP_IDEMPOTENCY_KEY, HTTP_SOURCE_ID, HTTP_SLIDE_ID, HTTP_CAPTURED_AT);
    }

    private Map<String, String> kafkaNames() {
        return named(KAFKA_CONTENT_TYPE, KAFKA_IDEMPOTENCY_KEY, KAFKA_SOURCE_ID, KAFKA_SLIDE_ID, KAFKA_CAPTURED_AT);
    }

    /** The five values under the names of one transport, in the order the record lists them. */
    private Map<String, String> named(String contentTypeName, String idempotencyKeyName, String sourceIdName,
            String slideIdName, String capturedAtName) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(contentTypeName, contentType);
        headers.put(idempotencyKeyName, idempotencyKey);
        headers.put(sourceIdName, sourceId);
        headers.put(slideIdName, slideId);
        headers.put(capturedAtName, capturedAtIso());
        return headers;
    }
}
