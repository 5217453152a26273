package org.karyoloop.training.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads an event record's JSON value into its type, or throws {@link PoisonEventException}. Thread-safe. */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            T event = record.value() == null ? null : mapper.readValue(record.value(), type);
            if (event == null) {
                throw new PoisonEventException("empty record on " + record.topic(), null);
            }
            return event;
        } catch (IOException e) {
            throw new PoisonEventException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
