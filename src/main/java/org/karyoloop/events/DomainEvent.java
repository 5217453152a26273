package org.karyoloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every karyoloop event carries: a unique id (the consumers' dedupe key), when it happened, and
 * the version of its JSON schema. Events are immutable records named as past facts.
 */
public interface DomainEvent {

    UUID eventId();

    Instant occurredAt();

    int schemaVersion();
}
