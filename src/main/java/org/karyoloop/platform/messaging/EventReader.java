package org.karyoloop.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads an event record's JSON value into its record type with the application's Jackson mapper and checks
 * {@link EventContract}, or throws {@link PoisonRecordException} with code {@code invalid-event}. Thread-safe.
 */
@ApplicationScoped
public class EventReader {

    /** Reason code of a record that is not the event its topic carries. */
    public static final String INVALID_EVENT = "invalid-event";

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        T event;
        try {
            event = record.value() == null ? null : mapper.readValue(record.value(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonRecordException(INVALID_EVENT, "not a " + type.getSimpleName() + ": " + e.getMessage());
        }
        if (event == null) {
            throw new PoisonRecordException(INVALID_EVENT, "empty record on " + record.topic());
        }
        List<String> missing = EventContract.missing(event);
        if (!missing.isEmpty()) {
            throw new PoisonRecordException(INVALID_EVENT,
                    type.getSimpleName() + " without " + String.join(", ", missing));
        }
        return event;
    }
}
