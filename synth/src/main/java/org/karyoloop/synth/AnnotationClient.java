package org.karyoloop.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The doctors' annotation API as a simulated doctor calls it, signed in with HTTP Basic. Thread-safe
 * (the JDK HTTP client is); every call is one request, and a label retry is idempotent on the server.
 */
final class AnnotationClient {

    /** A leased item: what to fetch and where to answer. */
    record Claim(String itemId, String taskId, String imageUrl) {
    }

    /** A task's image: its bytes and the SHA-256 of its original (the ETag), when the server sent one. */
    record Image(byte[] bytes, String originalSha256) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    AnnotationClient(String baseUrl, String user, String password) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Leases the next item, or empty when none is waiting for this doctor. */
    Optional<Claim> claim() throws IOException, InterruptedException {
        HttpResponse<String> response = send(post("api/annotation/claims", ""), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 204) {
            return Optional.empty();
        }
        JsonNode item = JSON.readTree(expect(response, 200));
        return Optional.of(new Claim(item.path("itemId").asText(), item.path("taskId").asText(),
                item.path("imageUrl").asText(null)));
    }

    Image image(Claim claim) throws IOException, InterruptedException {
        String path = claim.imageUrl() != null ? claim.imageUrl().replaceFirst("^/", "")
                : "api/annotation/tasks/" + claim.taskId() + "/image";
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        expect(response, 200);
        String etag = response.headers().firstValue("ETag").map(tag -> tag.replace("\"", "")).orElse(null);
        return new Image(response.body(), etag);
    }

    void label(Claim claim, Grade grade, String comment) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("grade", grade.name(), "comment", comment));
        HttpResponse<String> response = send(post("api/annotation/items/" + claim.itemId() + "/label", body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            expect(response, 201);
        }
    }

    void skip(Claim claim, String reason) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("reason", reason));
        expect(send(post("api/annotation/items/" + claim.itemId() + "/skip", body),
                HttpResponse.BodyHandlers.ofString()), 204);
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return http.send(request, handler);
    }

    private static <T> T expect(HttpResponse<T> response, int status) throws IOException {
        if (response.statusCode() != status) {
            Object body = response.body() instanceof byte[] ? "" : response.body();
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " " + body);
        }
        return response.body();
    }
}
