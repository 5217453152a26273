package org.karyoloop.rollout.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.karyoloop.rollout.RolloutPhase;

/** The current rollout state of one model. */
@Entity
@Table(name = "rollout_state")
public class RolloutState extends PanacheEntityBase {

    @Id
    @Column(name = "model_name", length = 100)
    public String modelName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RolloutPhase phase;

    @Column(name = "stable_version", length = 100)
    public String stableVersion;

    @Column(name = "canary_version", length = 100)
    public String canaryVersion;

    @Column(name = "canary_weight", nullable = false)
    public int canaryWeight;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "canary_started_at")
    public Instant canaryStartedAt;

    @Column(name = "step_started_at")
    public Instant stepStartedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock: two replicas or an operator and the evaluator never both apply a transition. */
    @Version
    @Column(nullable = false)
    public long revision;
}
