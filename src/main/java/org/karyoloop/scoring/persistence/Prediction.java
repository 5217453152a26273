package org.karyoloop.scoring.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One prediction (table prediction): an image's decision by a version and arm, or a shadow score. */
@Entity
@Table(name = "prediction")
public class Prediction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "image_id", nullable = false)
    public UUID imageId;

    @Column(name = "ingested_event_id", nullable = false)
    public UUID ingestedEventId;

    @Column(name = "model_name", length = 100)
    public String modelName;

    @Column(name = "model_version", length = 100)
    public String modelVersion;

    @Column(nullable = false, length = 16)
    public String arm;

    @Column(nullable = false)
    public boolean scored;

    @Column(length = 8)
    public String grade;

    @Column(name = "prob_good")
    public Double probGood;

    @Column(columnDefinition = "text")
    public String probabilities;

    @Column(name = "good_threshold")
    public Double goodThreshold;

    public Double uncertainty;

    @Column(name = "routed_at", nullable = false)
    public Instant routedAt;

    @Column(name = "routing_generation", nullable = false)
    public long routingGeneration;

    @Column(name = "scored_at", nullable = false)
    public Instant scoredAt;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    @Column(nullable = false, length = 100)
    public String replica;

    /** The modality the image was measured as; null on rows written before scoring measured. */
    @Column(length = 24)
    public String modality;

    /** Whether the image is a metaphase spread at all; null on rows written before scoring measured. */
    public Boolean spread;

    /** Why it is not a spread ({@code NotSpreadReason.wire()}), or null. */
    @Column(name = "not_spread_reason", length = 32)
    public String notSpreadReason;

    /** Chromosomes counted (touching ones split); null on rows written before scoring measured. */
    public Integer chromosomes;
}
