package org.karyoloop.scoring;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.karyoloop.events.ModelServingChanged;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;
import org.karyoloop.scoring.serving.ServingListener;

/**
 * Reports serving changes as {@link ModelServingChanged} on models.serving (via the outbox) and as metrics.
 * Thread-safe.
 */
@ApplicationScoped
public class ServingReporter implements ServingListener {

    private final OutboxWriter outbox;
    private final TopicsConfig topics;
    private final ScoringMetrics metrics;
    private final ScoringConfig config;

    public ServingReporter(OutboxWriter outbox, TopicsConfig topics, ScoringMetrics metrics, ScoringConfig config) {
        this.outbox = outbox;
        this.topics = topics;
        this.metrics = metrics;
        this.config = config;
    }

    @Override
    public void servingChanged(String modelName, String version, String arm, String status, String detail) {
        metrics.modelEvent(version, status);
        QuarkusTransaction.requiringNew().run(() -> outbox.stage(topics.modelsServing(), modelName,
                new ModelServingChanged(OutboxWriter.newEventId(), Instant.now(), ModelServingChanged.SCHEMA_VERSION,
                        modelName, version, config.replicaId(), status, arm, detail)));
    }
}
