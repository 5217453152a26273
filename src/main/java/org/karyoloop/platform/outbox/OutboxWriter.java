package org.karyoloop.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.karyoloop.events.DomainEvent;

/**
 * Adds an event to the outbox inside the caller's transaction, so the event is published if and
 * only if the state change that caused it commits. Thread-safe (stateless).
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper mapper;
    private final OutboxRelay relay;

    public OutboxWriter(ObjectMapper mapper, OutboxRelay relay) {
        this.mapper = mapper;
        this.relay = relay;
    }

    /** Stages {@code event} for {@code topic} under {@code key}; requires an active transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stage(String topic, String key, DomainEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = topic;
        row.eventKey = key;
        row.eventType = event.getClass().getSimpleName();
        row.payload = toJson(event);
        row.createdAt = Instant.now();
        row.persist();
        relay.wakeUpAfterCommit();
    }

    private String toJson(DomainEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised: " + event.getClass().getName(), e);
        }
    }

    /** A fresh event id: events are identified by a random UUID chosen when they happen. */
    public static UUID newEventId() {
        return UUID.randomUUID();
    }
}
