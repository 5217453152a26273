package org.karyoloop.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.events.ImageScored;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;
import org.karyoloop.scoring.persistence.Prediction;
import org.karyoloop.scoring.persistence.PredictionRepository;
import org.karyoloop.scoring.serving.Lease;
import org.karyoloop.scoring.serving.Routing;

/**
 * Records an image's decision (and shadow score) and stages the {@link ImageScored} events in one
 * transaction, so a prediction exists if and only if its events will be published. The dedupe check
 * and the unique indexes on prediction make a redelivered image a no-op. Thread-safe (stateless).
 */
@ApplicationScoped
public class PredictionWriter {

    private final PredictionRepository predictions;
    private final OutboxWriter outbox;
    private final TopicsConfig topics;
    private final ScoringConfig config;
    private final ObjectMapper mapper;

    public PredictionWriter(PredictionRepository predictions, OutboxWriter outbox, TopicsConfig topics,
            ScoringConfig config, ObjectMapper mapper) {
        this.predictions = predictions;
        this.outbox = outbox;
        this.topics = topics;
        this.config = config;
        this.mapper = mapper;
    }

    /** Whether the image already has a decision (it was scored before: a redelivery). */
    public boolean decided(UUID imageId) {
        return QuarkusTransaction.requiringNew().call(() -> predictions.hasDecision(imageId));
    }

    /**
     * Records {@code decision} (null: passed on unscored) and {@code shadow} (may be null).
     *
     * @return false if another delivery of the same image got there first
     */
    public boolean record(ImageIngested image, Lease lease, ScoredImage decision, ScoredImage shadow) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (predictions.hasDecision(image.imageId())) {
                return false;
            }
            Instant now = Instant.now();
            write(image, lease, decision, decision == null ? Routing.NONE : decision.arm(), now);
            if (shadow != null) {
                write(image, lease, shadow, Routing.SHADOW, now);
            }
            predictions.flush();
            return true;
        });
    }

    private void write(ImageIngested image, Lease lease, ScoredImage s, String arm, Instant now) {
        long latency = Math.max(0, Duration.between(image.occurredAt(), now).toMillis());
        Prediction p = new Prediction();
        p.id = UUID.randomUUID();
        p.imageId = image.imageId();
        p.ingestedEventId = image.eventId();
        p.arm = arm;
        p.scored = s != null;
        p.routedAt = lease.routedAt();
        p.routingGeneration = lease.generation();
        p.scoredAt = now;
        p.latencyMs = latency;
        p.replica = config.replicaId();
        Map<String, Double> probabilities = Map.of();
        if (s != null) {
            probabilities = probabilities(s.version().classes(), s.probabilities());
            p.modelName = s.version().modelName();
            p.modelVersion = s.version().version();
            p.grade = s.grade().name();
            p.probGood = probabilities.get(Grade.GOOD.name());
            p.probabilities = json(probabilities);
            p.goodThreshold = s.version().goodThreshold();
            p.uncertainty = s.uncertainty();
        }
        predictions.persist(p);
        outbox.stage(topics.imagesScored(), image.imageId().toString(), new ImageScored(OutboxWriter.newEventId(),
                now, ImageScored.SCHEMA_VERSION, image.imageId(), image.sha256(), image.sourceId(), image.slideId(),
                s != null, p.modelName, p.modelVersion, arm, probabilities, s == null ? null : s.grade(),
                p.goodThreshold, p.uncertainty, latency));
    }

    private static Map<String, Double> probabilities(List<String> classes, float[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            map.put(classes.get(i), (double) values[i]);
        }
        return map;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
