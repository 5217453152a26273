package org.karyoloop.ml.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered, immutable model version (table model_version); its artifact is in the blob store. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "model_name", nullable = false, length = 100)
    public String modelName;

    @Column(nullable = false, length = 100)
    public String version;

    @Column(name = "artifact_sha256", nullable = false, length = 64)
    public String artifactSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "artifact_format", nullable = false, length = 20)
    public ArtifactFormat artifactFormat;

    @Column(name = "artifact_bytes", nullable = false)
    public long artifactBytes;

    @Column(nullable = false, length = 100)
    public String architecture;

    @Column(name = "input_size", nullable = false)
    public int inputSize;

    @Column(nullable = false, columnDefinition = "text")
    public String preprocessing;

    @Column(name = "class_order", nullable = false, columnDefinition = "text")
    public String classOrder;

    @Column(name = "good_threshold", nullable = false)
    public double goodThreshold;

    @Column(nullable = false, columnDefinition = "text")
    public String metrics;

    @Column(name = "parent_version", length = 100)
    public String parentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ModelOrigin origin;

    @Column(name = "training_job", length = 100)
    public String trainingJob;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", length = 200)
    public String createdBy;
}
