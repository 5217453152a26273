package org.karyoloop.platform.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Kafka broker, answered within {@link HealthConfig#brokerTimeout()}: UP with the number of
 * brokers when the cluster describes itself in time, DOWN with the reason otherwise. It replaces Quarkus's own
 * Kafka check, which waits for the admin client's default API timeout (60 s) while the broker is away, so that a
 * probe got no answer at all during an outage instead of DOWN.
 *
 * <p>Thread-safe: the admin client is thread-safe and each call waits on its own future.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final Admin admin;
    private final long timeoutMs;
    private final Object servers;

    public BrokerReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, HealthConfig config) {
        this.timeoutMs = Math.max(1, config.brokerTimeout().toMillis());
        this.servers = kafkaConfig.getOrDefault("bootstrap.servers", "127.0.0.1:9092");
        Map<String, Object> adminConfig = new HashMap<>();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "karyoloop-health");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMs, 500));
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(timeoutMs, 500));
        // Reconnect attempts back off to at most 1 s, so readiness turns UP soon after the broker is back.
        adminConfig.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(adminConfig);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-broker")
                .withData("bootstrap.servers", String.valueOf(servers));
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                return response.down().withData("reason", "the cluster reports no brokers").build();
            }
            return response.up().withData("brokers", nodes.size()).build();
        } catch (TimeoutException e) {
            return response.down().withData("reason", "no answer within " + timeoutMs + " ms").build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return response.down().withData("reason", cause.getClass().getSimpleName() + ": " + cause.getMessage())
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        }
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
