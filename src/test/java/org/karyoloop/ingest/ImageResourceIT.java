package org.karyoloop.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.karyoloop.testing.TestImages;

/** REST ingest against the real database: created, duplicate, and problem+json for bad images. */
@QuarkusTest
class ImageResourceIT {

    @Test
    void rawBodyIsCreatedOnceAndTheSameBytesAgainAnswerTheExistingId() {
        byte[] png = TestImages.uniquePng(120, 90);
        String id = asLabSystem().contentType("image/png").header("X-Source-Id", "lab-system").body(png)
                .when().post("/api/images")
                .then().statusCode(201).header("Location", notNullValue()).body("duplicate", equalTo(false))
                .extract().path("id");

        asLabSystem().contentType("application/octet-stream").body(png)
                .when().post("/api/images")
                .then().statusCode(200).body("id", equalTo(id)).body("duplicate", equalTo(true));

        asOperator().when().get("/api/images/" + id)
                .then().statusCode(200).body("width", equalTo(120)).body("height", equalTo(90))
                .body("sourceId", equalTo("lab-system")).body("origin", equalTo("rest"));
        byte[] back = asOperator().when().get("/api/images/" + id + "/content")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(back).isEqualTo(png);
    }

    @Test
    void multipartFileIsIngestedWithItsFormFields() {
        byte[] tiff = TestImages.unique("tiff", 50, 40);
        asLabSystem().multiPart("file", "spread.tif", tiff, "image/tiff").multiPart("slideId", "slide-9")
                .when().post("/api/images")
                .then().statusCode(201).body("id", notNullValue());
    }

    @Test
    void nonImageIsUnsupportedMediaTypeProblem() {
        problem(asLabSystem().contentType("application/octet-stream").body("hello, not an image".getBytes())
                .when().post("/api/images").then(), 415, "not-an-image");
    }

    @Test
    void truncatedPngIsUnprocessableProblem() {
        byte[] png = TestImages.uniquePng(200, 200);
        problem(asLabSystem().contentType("image/png").body(Arrays.copyOf(png, png.length / 2))
                .when().post("/api/images").then(), 422, "truncated");
    }

    @Test
    void imageDeclaringTooManyPixelsIsRejectedBeforeDecoding() {
        problem(asLabSystem().contentType("image/png").body(pngHeaderOnly(100_000, 100_000))
                .when().post("/api/images").then(), 413, "too-many-pixels");
    }

    @Test
    void gifIsUnsupportedFormatProblem() {
        problem(asLabSystem().contentType("image/gif").body(TestImages.unique("gif", 20, 20))
                .when().post("/api/images").then(), 415, "unsupported-format");
    }

    @Test
    void textBodyIsUnsupportedMediaTypeProblem() {
        asLabSystem().contentType("text/plain").body("hello")
                .when().post("/api/images")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void emptyBodyIsBadRequestProblem() {
        problem(asLabSystem().contentType("image/png").body(new byte[0]).when().post("/api/images").then(), 400,
                "empty");
    }

    @Test
    void unknownImageIsNotFoundProblem() {
        problem(asOperator().when().get("/api/images/00000000-0000-0000-0000-000000000000").then(), 404,
                "image-not-found");
    }

    @Test
    void malformedCaptureTimeIsBadRequestProblem() {
        problem(asLabSystem().contentType("image/png").header("X-Captured-At", "yesterday")
                .body(TestImages.uniquePng(10, 10)).when().post("/api/images").then(), 400, "invalid-metadata");
    }

    @Test
    void sameIdempotencyKeyWithOtherBytesIsAConflictProblem() {
        String key = "retry-" + System.nanoTime();
        asLabSystem().contentType("image/png").header("Idempotency-Key", key).header("X-Source-Id", "lims")
                .body(TestImages.uniquePng(12, 12)).when().post("/api/images").then().statusCode(201);
        problem(asLabSystem().contentType("image/png").header("Idempotency-Key", key).header("X-Source-Id", "lims")
                .body(TestImages.uniquePng(12, 12)).when().post("/api/images").then(), 409,
                "idempotency-key-reused");
    }

    @Test
    void concurrentUploadsOfTheSameBytesCreateOneImage() throws Exception {
        byte[] png = TestImages.uniquePng(300, 300);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<io.restassured.response.Response>>();
            for (int i = 0; i < 6; i++) {
                calls.add(
                        pool.submit(() -> asLabSystem().contentType("image/png").body(png).when().post("/api/images")));
            }
            var statuses = new java.util.ArrayList<Integer>();
            var ids = new java.util.HashSet<String>();
            for (var call : calls) {
                var response = call.get();
                statuses.add(response.statusCode());
                ids.add(response.path("id"));
            }
            org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(200, 201);
            org.assertj.core.api.Assertions.assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void problem(ValidatableResponse response, int status, String code) {
        response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status)).body("code", equalTo(code))
                .body("type", equalTo("urn:karyoloop:problem:" + code)).body("detail", notNullValue());
    }

    /** A PNG signature and IHDR chunk claiming the given size, and no pixel data at all. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    private static io.restassured.specification.RequestSpecification asLabSystem() {
        return given().auth().preemptive().basic("labsys1", "labsys1-pass");
    }

    private static io.restassured.specification.RequestSpecification asOperator() {
        return given().auth().preemptive().basic("operator1", "operator1-pass");
    }
}
