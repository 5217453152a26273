package org.karyoloop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karyoloop.ingest.ImageIngestService;
import org.karyoloop.platform.outbox.OutboxRelay;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.TestImages;

/**
 * The process dies after an image is stored and before its event is emitted (here: the relay never
 * ran); a relay that starts later emits the event, and exactly once.
 */
@QuarkusTest
@TestProfile(OutboxCrashSafetyIT.RelayStopped.class)
class OutboxCrashSafetyIT {

    /** Stored, never relayed: what a crash right after the commit leaves behind. */
    public static class RelayStopped implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Scoring off: it would stage its own (unscored) ImageScored for the image under the same key.
            return Map.of("karyoloop.outbox.relay-enabled", "false", "karyoloop.role.scoring", "false");
        }
    }

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void imageStoredBeforeACrashIsEmittedExactlyOnceAfterRecovery() throws Exception {
        byte[] png = TestImages.uniquePng(64, 48);
        String sha = ImageIngestService.sha256(png);
        try (KafkaTestClient kafka = new KafkaTestClient(); KafkaTestClient.Watch ingested = kafka.watch(
                "images.ingested")) {
            String id = given().auth().preemptive().basic("labsys1", "labsys1-pass").contentType("image/png").body(png)
                    .when().post("/api/images")
                    .then().statusCode(201).extract().path("id");

            assertThat(ingested.drain(r -> KafkaTestClient.hasSha(r, sha), Duration.ofSeconds(2))).isEmpty();
            assertThat(pendingRowsFor(id)).isEqualTo(1);

            while (relay.relayOnce() > 0) {
                // recovery: a relay drains everything that was left pending
            }
            assertThat(ingested.await(r -> KafkaTestClient.hasSha(r, sha), 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(pendingRowsFor(id)).isZero();

            // the same image again is a duplicate: no new event for it (other roles of this application may still
            // write events of their own for what they consume from the shared broker, so the relay is not idle)
            given().auth().preemptive().basic("labsys1", "labsys1-pass").contentType("image/png").body(png).when()
                    .post("/api/images").then().statusCode(200);
            assertThat(pendingRowsFor(id)).isZero();
            while (relay.relayOnce() > 0) {
                // whatever else is pending goes out; none of it is this image's
            }
            assertThat(ingested.drain(r -> KafkaTestClient.hasSha(r, sha), Duration.ofSeconds(2))).hasSize(1);
        }
    }

    private long pendingRowsFor(String imageId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox_event where event_key = ? and topic = 'images.ingested' and published_at is null")) {
            s.setString(1, imageId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
