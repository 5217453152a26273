package org.karyoloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A declared Content-Length over the endpoint's limit is refused with 413 problem+json from the headers alone:
 * the client sends no body at all and still gets the answer, with no {@code 100 Continue} before it. Uploads have
 * the large limit, every other endpoint a small one.
 */
@QuarkusTest
class BodyLimitsIT {

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOversizeImageIsRefusedFromItsHeadersWithoutAContinue() throws Exception {
        String answer = headersOnly("POST", "/api/images", 62_914_560, "labsys1:labsys1-pass", true);
        assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue")
                .contains("application/problem+json", "\"code\":\"too-many-bytes\"", "at most 51380224");
    }

    @Test
    void everyOtherEndpointTakesOnlySmallBodiesAndAnonymousOnesToo() throws Exception {
        assertThat(headersOnly("POST", "/j_security_check", 62_914_560, null, false)).startsWith("HTTP/1.1 413")
                .contains("\"code\":\"too-many-bytes\"", "at most 262144");
        assertThat(headersOnly("POST", "/api/annotation/items/00000000-0000-0000-0000-000000000001/label",
                73_400_320, "doctor1:doctor1-pass", true)).startsWith("HTTP/1.1 413");
        assertThat(headersOnly("POST", "/api/admin/users", 300_000, "admin1:admin1-pass", false))
                .startsWith("HTTP/1.1 413");
    }

    /** Sends a request's headers declaring {@code length} bytes, no body, and reads what the server answers. */
    private String headersOnly(String method, String path, long length, String basic, boolean expectContinue)
            throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length + "\r\n");
            if (basic != null) {
                request.append("Authorization: Basic ").append(java.util.Base64.getEncoder()
                        .encodeToString(basic.getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            if (expectContinue) {
                request.append("Expect: 100-continue\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
