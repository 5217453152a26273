package org.karyoloop.scoring.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.karyoloop.events.RolloutStateChanged;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.EventReader;
import org.karyoloop.platform.messaging.PoisonRecordException;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.scoring.ScoringConfig;
import org.karyoloop.scoring.serving.ModelSwitchboard;

/**
 * Follows the compacted models.rollout topic for the configured model: reads it from the beginning at
 * start (applying only the latest state once caught up), then applies every new state. Not a SmallRye
 * channel on purpose: every replica must read every record (no consumer group shares the partition)
 * and must know when it has caught up (readiness). Thread-safe: one private thread owns the consumer;
 * {@link #caughtUp()} may be read from any thread. A record that is not a rollout state goes to
 * models.rollout.dlq (by each replica that meets it, through {@link DeadLetterGuard}).
 */
@ApplicationScoped
public class RolloutFollower {

    private static final Logger LOG = Logger.getLogger(RolloutFollower.class);

    private final ModelSwitchboard switchboard;
    private final ScoringConfig config;
    private final TopicsConfig topics;
    private final DeadLetterGuard guard;
    private final String bootstrap;
    private final boolean enabled;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public RolloutFollower(ModelSwitchboard switchboard, ScoringConfig config, TopicsConfig topics,
            DeadLetterGuard guard,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "karyoloop.role.scoring") boolean enabled) {
        this.switchboard = switchboard;
        this.config = config;
        this.topics = topics;
        this.guard = guard;
        this.bootstrap = bootstrap;
        this.enabled = enabled;
    }

    /** Whether the rollout state present at start has been read and applied. */
    public boolean caughtUp() {
        return caughtUp;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            thread = new Thread(this::follow, "rollout-follower");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> c = newConsumer()) {
            consumer = c;
            List<TopicPartition> partitions = c.partitionsFor(topics.modelsRollout()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            RolloutStateChanged pending = null;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                    RolloutStateChanged state = parse(record);
                    pending = state == null ? pending : state;
                }
                if (!caughtUp && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    LOG.infof("caught up on %s for %s", topics.modelsRollout(), config.modelName());
                    apply(pending);
                    pending = null;
                    caughtUp = true;
                } else if (caughtUp && pending != null) {
                    apply(pending);
                    pending = null;
                }
            }
        } catch (WakeupException e) {
            LOG.debug("rollout follower stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RolloutStateChanged parse(ConsumerRecord<String, byte[]> record) {
        if (!config.modelName().equals(record.key())) {
            return null;
        }
        if (record.value() == null) {
            // A tombstone retires the model entirely: no stable version, images pass on unscored.
            return new RolloutStateChanged(null, null, RolloutStateChanged.SCHEMA_VERSION, config.modelName(), null,
                    null, 0, null, 0, false, "tombstone", "record deleted");
        }
        RolloutStateChanged state = guard.readOrDeadLetter(record, RolloutStateChanged.class,
                topics.modelsRolloutDlq());
        if (state != null && !config.modelName().equals(state.modelName())) {
            guard.deadLetter(record, topics.modelsRolloutDlq(), new PoisonRecordException(EventReader.INVALID_EVENT,
                    "key " + record.key() + " but modelName " + state.modelName()));
            return null;
        }
        return state;
    }

    private void apply(RolloutStateChanged state) throws InterruptedException {
        if (state == null) {
            return;
        }
        try {
            switchboard.apply(state);
        } catch (RuntimeException e) {
            // A bug in applying one state must not stop this replica from following later ones.
            LOG.errorf(e, "could not apply rollout state %s", state);
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "karyoloop-scoring-rollout-" + config.replicaId());
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
