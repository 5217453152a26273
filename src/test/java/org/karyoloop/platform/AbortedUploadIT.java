package org.karyoloop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An upload the client aborts mid-body is counted as a client error in {@code http_server_requests}, never as a 5xx.
 */
@QuarkusTest
class AbortedUploadIT {

    private static final Pattern UPLOAD_COUNT = Pattern.compile(
            "http_server_requests_seconds_count\\{method=\"POST\",outcome=\"(\\w+)\",status=\"(\\w+)\",uri=\"/api/images\"} ([0-9.]+)");

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void abortedUploadIsNotAServerError() throws Exception {
        double clientErrorsBefore = uploads(false);
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            OutputStream out = socket.getOutputStream();
            String auth = Base64.getEncoder().encodeToString("labsys1:labsys1-pass".getBytes(StandardCharsets.UTF_8));
            out.write(("POST /api/images HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                    + "Content-Length: 4194304\r\nAuthorization: Basic " + auth + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[256 * 1024]);
            out.flush();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> uploads(false) > clientErrorsBefore);
        assertThat(uploads(true)).as("5xx counted for /api/images").isZero();
    }

    /** The count of /api/images uploads answered as server errors ({@code serverErrors}) or as client errors. */
    private double uploads(boolean serverErrors) {
        String metrics = given().get("http://" + management.getHost() + ":" + management.getPort() + "/q/metrics")
                .then().statusCode(200).extract().asString();
        double sum = 0;
        Matcher m = UPLOAD_COUNT.matcher(metrics);
        while (m.find()) {
            boolean server = m.group(2).startsWith("5") || m.group(1).equals("SERVER_ERROR");
            if (server == serverErrors) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }
}
