package org.karyoloop.training.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A training job and its outcome (table training_job). */
@Entity
@Table(name = "training_job")
public class TrainingJob extends PanacheEntityBase {

    /** Lifecycle: REQUESTED → RUNNING → SUCCEEDED | FAILED | CANCELLED (REQUESTED may be CANCELLED). */
    public enum Status {
        REQUESTED, RUNNING, SUCCEEDED, FAILED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "model_name", nullable = false, length = 100)
    public String modelName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "trigger_kind", nullable = false, length = 16)
    public String trigger;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(name = "requested_by", nullable = false, length = 200)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column(length = 200)
    public String worker;

    @Column(name = "model_version", length = 100)
    public String modelVersion;

    public Boolean eligible;

    @Column(columnDefinition = "text")
    public String metrics;

    @Column(columnDefinition = "text")
    public String detail;
}
