package org.karyoloop.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one dead-letter path of every Kafka consumer: runs a consumer's work on one record and, when the work finds
 * the record poison ({@link PoisonRecordException}: not the event its topic carries, an unacceptable image, an
 * image whose bytes are gone), sends the record with its original key, bytes and headers plus the reason code to
 * the dead-letter topic, and returns normally so the offset commits. Any other exception propagates unchanged: the
 * consumer's {@code @Retry} retries it with backoff and, after its budget, the channel's {@code failure-strategy=fail}
 * stops the channel (health reports it) so the uncommitted record is redelivered after a restart; transient
 * failures are never dead-lettered. Thread-safe: it keeps no state of its own, and dead-lettering is synchronous
 * ({@link DeadLetterPublisher}).
 */
@ApplicationScoped
public class DeadLetterGuard {

    /** A consumer's work on one record. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** A consumer's work on one event read from a record. */
    @FunctionalInterface
    public interface EventWork<T> {
        void accept(T event) throws Exception;
    }

    private final EventReader reader;
    private final DeadLetterPublisher deadLetters;

    public DeadLetterGuard(EventReader reader, DeadLetterPublisher deadLetters) {
        this.reader = reader;
        this.deadLetters = deadLetters;
    }

    /** Runs {@code work}; a poison record goes to {@code deadLetterTopic}. */
    public void run(ConsumerRecord<String, byte[]> record, String deadLetterTopic, Work work) throws Exception {
        try {
            work.run();
        } catch (PoisonRecordException e) {
            deadLetter(record, deadLetterTopic, e);
        }
    }

    /** Reads the record as a {@code type} event ({@link EventReader}) and hands it to {@code work}, guarded by {@link #run}. */
    public <T> void consume(ConsumerRecord<String, byte[]> record, Class<T> type, String deadLetterTopic,
            EventWork<T> work) throws Exception {
        run(record, deadLetterTopic, () -> work.accept(reader.read(record, type)));
    }

    /** The record as a {@code type} event, or null when it was poison and has been dead-lettered (for batches). */
    public <T> T readOrDeadLetter(ConsumerRecord<String, byte[]> record, Class<T> type, String deadLetterTopic) {
        try {
            return reader.read(record, type);
        } catch (PoisonRecordException e) {
            deadLetter(record, deadLetterTopic, e);
            return null;
        }
    }

    /** Sends {@code record} to {@code deadLetterTopic} with the code and detail of {@code poison}. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, String deadLetterTopic,
            PoisonRecordException poison) {
        deadLetters.send(deadLetterTopic, record, poison.code(), poison.detail());
    }
}
