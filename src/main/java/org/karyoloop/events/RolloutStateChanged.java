package org.karyoloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Which versions of a model serve traffic from now on (topic models.rollout, compacted, key = model
 * name): the latest record per model is the rollout state every scoring replica follows. The rollout
 * role is its only writer.
 *
 * @param stableVersion the version that scores all traffic outside the canary slice; null = no model yet
 * @param canaryVersion the candidate scoring a sticky slice of traffic; null = no canary
 * @param canaryWeight share of images (0..100 percent) the canary decides, chosen by a hash of the image id
 * @param shadowVersion a version that also scores a sample without affecting decisions; null = none
 * @param shadowPercent share of images (0..100 percent) the shadow scores as well
 * @param pinned an operator pinned this state: automatic promotion and rollback leave it alone
 * @param changedBy who made the change (operator or "rollout")
 * @param reason why, in a sentence
 */
public record RolloutStateChanged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        String stableVersion,
        String canaryVersion,
        int canaryWeight,
        String shadowVersion,
        int shadowPercent,
        boolean pinned,
        String changedBy,
        String reason) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public RolloutStateChanged {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName is required");
        }
        if (canaryWeight < 0 || canaryWeight > 100 || shadowPercent < 0 || shadowPercent > 100) {
            throw new IllegalArgumentException("canaryWeight and shadowPercent must be 0..100");
        }
    }
}
