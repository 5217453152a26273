package org.karyoloop.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Sends a record that cannot be processed to a dead-letter topic with its original key, bytes and
 * headers, plus {@code dead-letter-reason} (a stable code), {@code dead-letter-detail} and where it came
 * from. Synchronous: it returns only once the broker has the dead letter, so the caller may then
 * commit the original offset and nothing is lost. Thread-safe.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final KafkaRecordPublisher publisher;

    public DeadLetterPublisher(KafkaRecordPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Dead-letters {@code original} to {@code topic}.
     *
     * @throws IllegalStateException the broker did not take it (the caller must not commit the offset)
     */
    public void send(String topic, ConsumerRecord<String, byte[]> original, String reasonCode, String detail) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            headers.add(header);
        }
        headers.add("dead-letter-reason", utf8(reasonCode));
        headers.add("dead-letter-detail", utf8(detail == null ? "" : detail));
        headers.add("dead-letter-topic", utf8(original.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(original.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(original.offset())));
        headers.add("dead-letter-at", utf8(Instant.now().toString()));
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topic, null, original.key(), original.value(),
                headers);
        try {
            publisher.send(dead).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter to " + topic + " was not acknowledged", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
        LOG.infof("dead-lettered %s-%d@%d to %s: %s", original.topic(), original.partition(), original.offset(),
                topic, reasonCode);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
