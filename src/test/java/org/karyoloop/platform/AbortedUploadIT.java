package org.karyoloop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A client that breaks off an upload mid-body is the client's failure, not the server's: the request is not counted
 * as a 5xx in {@code http_server_requests} on the management port, and nothing is logged at ERROR for it.
 */
@QuarkusTest
class AbortedUploadIT {

    private static final Pattern IMAGE_UPLOADS = Pattern.compile(
            "^http_server_requests_seconds_count\\{([^}]*uri=\"/api/images\"[^}]*)} ([0-9.E]+)$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("status=\"([^\"]*)\"");

    @TestHTTPResource("/")
    URL base;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void anUploadTheClientAbortsIsNotCountedOrLoggedAsAServerError() throws Exception {
        List<LogRecord> errors = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    synchronized (errors) {
                        errors.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            Counts before = imageUploadCounts();
            abortUploadMidBody();
            // The aborted request is recorded once the server has noticed the closed connection.
            await().atMost(Duration.ofSeconds(30)).until(() -> imageUploadCounts().total() > before.total());
            Counts after = imageUploadCounts();
            assertThat(after.serverErrors()).as("5xx counted for /api/images: %s", after.lines()).isEqualTo(before.serverErrors());
            synchronized (errors) {
                assertThat(errors).extracting(LogRecord::getMessage).as("ERROR log lines").isEmpty();
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    /**
     * A signed-in upload that declares 40 MB, sends 30 MB of it and resets the connection. The 30 MB are more than the
     * connection buffers hold, so the writes return only once the resource is reading the body: the abort is noticed
     * by that read, as with a client that gives up mid-upload.
     */
    private void abortUploadMidBody() throws IOException {
        String basic = Base64.getEncoder().encodeToString("labsys1:labsys1-pass".getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/images HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: image/png\r\n"
                    + "Authorization: Basic " + basic + "\r\nContent-Length: 40000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < 30_000_000; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
            socket.setSoLinger(true, 0);
        }
    }

    private Counts imageUploadCounts() {
        String metrics = given().get("http://" + management.getHost() + ":" + management.getPort() + "/q/metrics")
                .then().statusCode(200).extract().asString();
        double total = 0;
        double serverErrors = 0;
        Matcher line = IMAGE_UPLOADS.matcher(metrics);
        List<String> lines = new ArrayList<>();
        while (line.find()) {
            lines.add(line.group());
            double count = Double.parseDouble(line.group(2));
            total += count;
            Matcher status = STATUS.matcher(line.group(1));
            if (status.find() && status.group(1).startsWith("5")) {
                serverErrors += count;
            }
        }
        return new Counts(total, serverErrors, lines);
    }

    private record Counts(double total, double serverErrors, List<String> lines) {
    }
}
