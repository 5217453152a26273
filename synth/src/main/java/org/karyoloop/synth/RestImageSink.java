package org.karyoloop.synth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Sends images as {@code POST /api/images} with the raw bytes as body and {@link CaptureHeaders} as
 * HTTP headers. Thread-safe. Delivery: at most once per call (no retries); a bounded number of
 * requests are in flight, and any status outside 2xx counts as a failure with its status in the reason.
 */
final class RestImageSink extends CountingImageSink {

    /** The ingest endpoint, relative to the base URL. */
    static final String PATH = "/api/images";
    private static final int IN_FLIGHT = 16;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    RestImageSink(String baseUrl) {
        endpoint = URI.create(baseUrl.replaceAll("/+$", "") + PATH);
    }

    static HttpRequest request(URI endpoint, EncodedImage image, CaptureHeaders headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(image.bytes()));
        headers.httpHeaders().forEach(builder::header);
        return builder.build();
    }

    @Override
    public void send(EncodedImage image, CaptureHeaders headers) {
        inFlight.acquireUninterruptibly();
        client.sendAsync(request(endpoint, image, headers), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> {
                    // Count before giving the permit back: flush() returns once it holds every permit, and the
                    // caller then reads the counts.
                    try {
                        if (error != null) {
                            fail(error.toString());
                        } else if (response.statusCode() / 100 == 2) {
                            acknowledge();
                        } else {
                            fail("HTTP " + response.statusCode() + ": " + response.body());
                        }
                    } finally {
                        inFlight.release();
                    }
                });
    }

    @Override
    public void flush() {
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
    }

    @Override
    public void close() {
        flush();
    }
}
