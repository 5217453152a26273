package org.karyoloop.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class BrokerReadinessTest {

    @Test
    void reportsDownWithAReasonWhenNothingListensAtTheBootstrapAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        BrokerReadiness check = new BrokerReadiness(Map.of("bootstrap.servers", "127.0.0.1:" + port),
                () -> Duration.ofMillis(300));
        try {
            HealthCheckResponse response = check.call();
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("reason"));
        } finally {
            check.close();
        }
    }
}
