package org.karyoloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One client address may have at most karyoloop.http.max-uploads-per-client uploads in flight (4; the test profile
 * raises it to 8): the next one is refused with 429 problem+json and Retry-After from its headers, and a slot comes
 * free when an upload's connection closes (a client that aborts).
 */
@QuarkusTest
class UploadSlotsIT {

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "karyoloop.http.max-uploads-per-client")
    int perClient;

    @Test
    void aClientWithAllItsUploadsInFlightIsRefusedUntilOneOfThemAborts() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < perClient; i++) {
                held.add(startUpload());
            }
            // The held uploads are admitted as their headers arrive, each on its own connection: wait for one more
            // to be refused (one admitted earlier is answered 401 at once and frees its slot again).
            await().atMost(Duration.ofSeconds(20)).until(() -> smallAnonymousUpload().startsWith("HTTP/1.1 429"));
            String refused = smallAnonymousUpload();
            assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: 1")
                    .contains("application/problem+json", "\"code\":\"too-many-uploads\"");

            held.remove(0).close();
            await().atMost(Duration.ofSeconds(20)).until(() -> smallAnonymousUpload().startsWith("HTTP/1.1 401"));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** A signed-in upload that declares 1 MB and sends 10 bytes of it, then waits: it holds its slot. */
    private Socket startUpload() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        String basic = Base64.getEncoder().encodeToString("labsys1:labsys1-pass".getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/images HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: image/png\r\n"
                + "Authorization: Basic " + basic + "\r\nContent-Length: 1000000\r\n\r\n0123456789")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** A complete small upload without credentials; returns the head of the answer. */
    private String smallAnonymousUpload() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/images HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: image/png\r\n"
                    + "Content-Length: 4\r\nConnection: close\r\n\r\nabcd").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0;) {
                answer.write(buffer, 0, n);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
