package org.karyoloop.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.karyoloop.platform.messaging.KafkaRecordPublisher;

/**
 * Publishes outbox rows to Kafka in id order and marks them published in the same database
 * transaction that locked them ({@code FOR UPDATE SKIP LOCKED}, so replicas never publish the same
 * row concurrently). Delivery is at least once: a crash after the broker acknowledged but before the
 * commit re-publishes the row with the same event id, which consumers dedupe. One relay thread per
 * process; {@link #relayOnce()} and {@link #wakeUp()} are thread-safe.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String SELECT_PENDING = """
            select id, event_id, topic, event_key, event_type, payload, created_at
              from outbox_event where published_at is null
             order by id limit ? for update skip locked""";
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = now() where id = any(?)";

    private final AgroalDataSource dataSource;
    private final KafkaRecordPublisher publisher;
    private final OutboxConfig config;
    private final TransactionSynchronizationRegistry txRegistry;
    private final Counter published;
    private final Counter failures;
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, KafkaRecordPublisher publisher, OutboxConfig config,
            TransactionSynchronizationRegistry txRegistry, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
        this.txRegistry = txRegistry;
        this.published = registry.counter("karyoloop.outbox.published");
        this.failures = registry.counter("karyoloop.outbox.failures");
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the relay thread if it is not running. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the relay thread, waiting for the current round to end. */
    public synchronized void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            signal.release();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    /** Asks the relay to look for new rows now instead of at its next poll. */
    public void wakeUp() {
        signal.release();
    }

    /** Wakes the relay once the caller's transaction commits (at once if there is none). */
    void wakeUpAfterCommit() {
        if (txRegistry.getTransactionStatus() != Status.STATUS_ACTIVE) {
            wakeUp();
            return;
        }
        txRegistry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    private void loop() {
        while (running) {
            try {
                int count = relayOnce();
                if (count < config.batchSize()) {
                    if (signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)
                            && running && !config.linger().isZero()) {
                        Thread.sleep(config.linger().toMillis());
                    }
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RelayException e) {
                failures.increment();
                LOG.warnf("outbox relay round failed, retrying in %s: %s", config.retryBackoff(), e.getMessage());
                try {
                    signal.tryAcquire(config.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Publishes one batch of pending rows and marks them; returns how many. If the broker does not
     * acknowledge every record, nothing is marked and the batch is retried later.
     */
    public int relayOnce() throws SQLException, RelayException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
                    select.setInt(1, config.batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong("id"));
                            acks.add(publisher.send(toRecord(rows)));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                awaitAll(acks);
                try (PreparedStatement mark = connection.prepareStatement(MARK_PUBLISHED)) {
                    Array idArray = connection.createArrayOf("bigint", ids.toArray());
                    mark.setArray(1, idArray);
                    mark.executeUpdate();
                }
                connection.commit();
                published.increment(ids.size());
                return ids.size();
            } catch (SQLException | RelayException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        RecordHeaders headers = new RecordHeaders();
        Timestamp created = row.getTimestamp("created_at");
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(row.getString("event_id")));
        headers.add("ce_type", bytes("org.karyoloop." + row.getString("event_type")));
        headers.add("ce_source", bytes("/karyoloop"));
        headers.add("ce_time", bytes(created.toInstant().toString()));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("event_key"),
                row.getString("payload").getBytes(StandardCharsets.UTF_8), headers);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) throws RelayException {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new RelayException("broker did not acknowledge an outbox record", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayException("interrupted while waiting for the broker", e);
            }
        }
    }

    /** The broker did not take a batch; the rows stay pending and are retried. */
    public static final class RelayException extends Exception {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
