package org.karyoloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A training job was requested (topic training.requests, key = model name): by the trigger policy
 * (new labels, interval, drift), an operator, or a one-shot command. Requests coalesce: while a
 * request is pending, a new one joins it and names the same {@code jobId}.
 *
 * @param trigger {@code labels}, {@code interval}, {@code drift}, {@code operator} or {@code once}
 * @param reason why, in a sentence
 */
public record TrainingRequested(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID jobId,
        String modelName,
        String trigger,
        String reason,
        String requestedBy) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;
}
