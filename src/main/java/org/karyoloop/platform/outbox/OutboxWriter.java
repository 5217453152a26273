package org.karyoloop.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.karyoloop.events.DomainEvent;

/**
 * Adds an event to the outbox inside the caller's transaction, so the event is published if and
 * only if the state change that caused it commits. The row is written with plain JDBC on the transaction's
 * connection (Agroal hands the enlisted connection to every caller inside one transaction): going through
 * Hibernate opened a session and ran an identity insert per event, the largest single cost of a doctor's
 * label submit. Thread-safe (stateless).
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_key, event_type, payload, created_at)
            values (?, ?, ?, ?, ?, ?)""";

    private final ObjectMapper mapper;
    private final OutboxRelay relay;
    private final AgroalDataSource db;

    public OutboxWriter(ObjectMapper mapper, OutboxRelay relay, AgroalDataSource db) {
        this.mapper = mapper;
        this.relay = relay;
        this.db = db;
    }

    /** An event to stage: for {@code topic}, under {@code key}. */
    public record Staged(String topic, String key, DomainEvent event) {
    }

    /** Stages {@code event} for {@code topic} under {@code key}; requires an active transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stage(String topic, String key, DomainEvent event) {
        stageAll(List.of(new Staged(topic, key, event)));
    }

    /** Stages several events in one JDBC batch, in list order; requires an active transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stageAll(List<Staged> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Staged staged : events) {
                s.setObject(1, staged.event().eventId());
                s.setString(2, staged.topic());
                s.setString(3, staged.key());
                s.setString(4, staged.event().getClass().getSimpleName());
                s.setString(5, toJson(staged.event()));
                s.setTimestamp(6, now);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox not writable", e);
        }
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
