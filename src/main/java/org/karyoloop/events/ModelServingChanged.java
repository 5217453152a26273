package org.karyoloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A scoring replica started or stopped serving a model version, or failed to load one (topic
 * models.serving, key = model name). Operators and the rollout role see from it whether a rollout
 * state was actually applied; a failed load leaves the replica on its previous version.
 *
 * @param replica the scoring replica that reports (host name)
 * @param status {@code ACTIVATED}, {@code RETIRED} or {@code LOAD_FAILED}
 * @param arm the arm the version serves or was meant to serve: stable, canary or shadow
 * @param detail why a load failed; null otherwise
 */
public record ModelServingChanged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        String modelVersion,
        String replica,
        String status,
        String arm,
        String detail) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    public static final String ACTIVATED = "ACTIVATED";
    public static final String RETIRED = "RETIRED";
    public static final String LOAD_FAILED = "LOAD_FAILED";
}
