package org.karyoloop.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.events.ImageScored;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;
import org.karyoloop.scoring.serving.Lease;
import org.karyoloop.scoring.serving.Routing;

/**
 * Records an image's decision (and shadow score) and stages its {@link ImageScored} events in the same
 * transaction, so a prediction exists if and only if its events will be published. The decision row is
 * inserted with {@code on conflict do nothing} against the unique decision index: a redelivered image, or
 * two deliveries of one image at once, record once and the loser learns it.
 *
 * <p>Group commit: the scoring workers call {@link #record} concurrently, and while one of them commits,
 * the records of the others queue up; the next to get the lock writes everything queued in one transaction
 * (JDBC batches of rows and outbox events), and every caller returns once its own record is committed. Under
 * load that is one transaction per handful of images instead of one per image; alone, an image commits at
 * once. If a group fails, its records are retried one transaction each, so one bad record fails only its own
 * caller. Thread-safe.
 */
@ApplicationScoped
public class PredictionWriter {

    /** Most records committed in one transaction. */
    static final int MAX_GROUP = 128;

    private static final String DECIDED = "select 1 from prediction where image_id = ? and arm <> 'shadow' limit 1";
    private static final String INSERT = """
            insert into prediction (id, image_id, ingested_event_id, model_name, model_version, arm, scored, grade,
                prob_good, probabilities, good_threshold, uncertainty, routed_at, routing_generation, scored_at,
                latency_ms, replica, modality, spread, not_spread_reason, chromosomes)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    /** A row of table prediction and the event that announces it. */
    private record Row(UUID id, ImageIngested image, Lease lease, SpreadMeasurement measured, ScoredImage score,
            String arm, Instant now, Map<String, Double> probabilities, String replica) {
    }

    /** One caller's record: its decision row, optional shadow row, and the outcome once committed. */
    private record Pending(Row decision, Row shadow, CompletableFuture<Boolean> recorded) {
    }

    private final AgroalDataSource db;
    private final OutboxWriter outbox;
    private final TopicsConfig topics;
    private final ScoringConfig config;
    private final ObjectMapper mapper;
    private final ScoringMetrics metrics;
    private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    public PredictionWriter(AgroalDataSource db, OutboxWriter outbox, TopicsConfig topics, ScoringConfig config,
            ObjectMapper mapper, ScoringMetrics metrics) {
        this.db = db;
        this.outbox = outbox;
        this.topics = topics;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Whether the image already has a decision (it was scored before: a redelivery). */
    public boolean decided(UUID imageId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(DECIDED)) {
            s.setObject(1, imageId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("prediction table not readable", e);
        }
    }

    /**
     * Records {@code decision} (null: passed on unscored) and {@code shadow} (may be null), with what was
     * {@code measured} of the image (null: not measured); returns once it is committed.
     *
     * @return false if another delivery of the same image got there first
     */
    public boolean record(ImageIngested image, Lease lease, SpreadMeasurement measured, ScoredImage decision,
            ScoredImage shadow) {
        Instant now = Instant.now();
        Row decisionRow = row(image, lease, measured, decision, decision == null ? Routing.NONE : decision.arm(),
                now);
        Row shadowRow = shadow == null ? null : row(image, lease, measured, shadow, Routing.SHADOW, now);
        Pending mine = new Pending(decisionRow, shadowRow, new CompletableFuture<>());
        queued.add(mine);
        while (!mine.recorded().isDone()) {
            committing.lock();
            try {
                if (!mine.recorded().isDone()) {
                    commitQueued();
                }
            } finally {
                committing.unlock();
            }
        }
        try {
            return mine.recorded().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Commits up to {@link #MAX_GROUP} queued records; the caller holds the lock. */
    private void commitQueued() {
        List<Pending> group = new ArrayList<>();
        Pending next;
        while (group.size() < MAX_GROUP && (next = queued.poll()) != null) {
            group.add(next);
        }
        if (group.isEmpty()) {
            return;
        }
        metrics.commitGroup(group.size());
        try {
            boolean[] inserted = QuarkusTransaction.requiringNew().call(() -> write(group));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).recorded().complete(inserted[i]);
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).recorded().completeExceptionally(e);
                return;
            }
            for (Pending p : group) { // find the record that failed the group: each alone
                try {
                    boolean[] inserted = QuarkusTransaction.requiringNew().call(() -> write(List.of(p)));
                    p.recorded().complete(inserted[0]);
                } catch (RuntimeException alone) {
                    p.recorded().completeExceptionally(alone);
                }
            }
        }
    }

    /** Inserts the decisions, then the shadow rows and events of those that were new; inside a transaction. */
    private boolean[] write(List<Pending> group) throws SQLException {
        boolean[] inserted = new boolean[group.size()];
        List<Row> followers = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Pending p : group) {
                bind(s, p.decision());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 0) {
                    throw new IllegalStateException("the JDBC driver reported no row count (" + counts[i]
                            + "); prediction inserts need them to dedupe");
                }
                inserted[i] = counts[i] > 0;
                if (inserted[i]) {
                    followers.add(group.get(i).decision());
                    if (group.get(i).shadow() != null) {
                        bind(s, group.get(i).shadow());
                        s.addBatch();
                        followers.add(group.get(i).shadow());
                    }
                }
            }
            s.executeBatch();
        }
        outbox.stageAll(followers.stream().map(this::event).toList());
        return inserted;
    }

    private Row row(ImageIngested image, Lease lease, SpreadMeasurement measured, ScoredImage s, String arm,
            Instant now) {
        Map<String, Double> probabilities = s == null ? Map.of() : probabilities(s.version().classes(),
                s.probabilities());
        return new Row(UUID.randomUUID(), image, lease, measured, s, arm, now, probabilities, config.replicaId());
    }

    private void bind(PreparedStatement s, Row row) throws SQLException {
        ScoredImage score = row.score();
        s.setObject(1, row.id());
        s.setObject(2, row.image().imageId());
        s.setObject(3, row.image().eventId());
        s.setString(4, score == null ? null : score.version().modelName());
        s.setString(5, score == null ? null : score.version().version());
        s.setString(6, row.arm());
        s.setBoolean(7, score != null);
        s.setString(8, score == null ? null : score.grade().name());
        s.setObject(9, score == null ? null : row.probabilities().get(Grade.GOOD.name()), Types.DOUBLE);
        s.setString(10, score == null ? null : json(row.probabilities()));
        s.setObject(11, score == null ? null : score.version().goodThreshold(), Types.DOUBLE);
        s.setObject(12, score == null ? null : score.uncertainty(), Types.DOUBLE);
        s.setObject(13, row.lease().routedAt().atOffset(ZoneOffset.UTC));
        s.setLong(14, row.lease().generation());
        s.setObject(15, row.now().atOffset(ZoneOffset.UTC));
        s.setLong(16, latencyMs(row));
        s.setString(17, row.replica());
        SpreadMeasurement m = row.measured();
        s.setString(18, m == null ? null : m.modality().wire());
        s.setObject(19, m == null ? null : m.spread(), Types.BOOLEAN);
        s.setString(20, m == null ? null : m.reason());
        s.setObject(21, m == null ? null : m.chromosomes(), Types.INTEGER);
    }

    private OutboxWriter.Staged event(Row row) {
        ScoredImage s = row.score();
        ImageIngested image = row.image();
        return new OutboxWriter.Staged(topics.imagesScored(), image.imageId().toString(), new ImageScored(
                OutboxWriter.newEventId(), row.now(), ImageScored.SCHEMA_VERSION, image.imageId(), image.sha256(),
                image.sourceId(), image.slideId(), s != null, s == null ? null : s.version().modelName(),
                s == null ? null : s.version().version(), row.arm(), row.probabilities(),
                s == null ? null : s.grade(), s == null ? null : s.version().goodThreshold(),
                s == null ? null : s.uncertainty(), latencyMs(row),
                row.measured() == null ? null : row.measured().modality().wire(),
                row.measured() == null ? null : row.measured().spread(),
                row.measured() == null ? null : row.measured().reason()));
    }

    private static long latencyMs(Row row) {
        return Math.max(0, Duration.between(row.image().occurredAt(), row.now()).toMillis());
    }

    private static Map<String, Double> probabilities(List<String> classes, float[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            map.put(classes.get(i), (double) values[i]);
        }
        return map;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
