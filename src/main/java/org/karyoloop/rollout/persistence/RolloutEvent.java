package org.karyoloop.rollout.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded rollout transition (append-only): who did what, why, with which evidence. */
@Entity
@Table(name = "rollout_event")
public class RolloutEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "model_name", nullable = false, length = 100)
    public String modelName;

    @Column(nullable = false, length = 32)
    public String action;

    @Column(name = "from_phase", length = 16)
    public String fromPhase;

    @Column(name = "to_phase", nullable = false, length = 16)
    public String toPhase;

    @Column(name = "stable_version", length = 100)
    public String stableVersion;

    @Column(name = "canary_version", length = 100)
    public String canaryVersion;

    @Column(name = "canary_weight", nullable = false)
    public int canaryWeight;

    @Column(nullable = false)
    public boolean pinned;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false, columnDefinition = "text")
    public String reason;

    @Column(columnDefinition = "text")
    public String evidence;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
