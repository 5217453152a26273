package org.karyoloop.sampling;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;

/**
 * Turns a batch of scoring events into labeling requests in one transaction: keeps the served scores,
 * leaves out images already requested or settled by a doctor (and the selector those that are not spreads), asks the {@link BatchSelector} within
 * the budget left, and records each request and stages its {@link LabelingRequested} together. A
 * redelivered batch requests nothing twice (one request per image and reason). Not thread-safe: used
 * by the one images.scored consumer thread (the selector carries state).
 */
@ApplicationScoped
public class Sampler {

    private final AgroalDataSource db;
    private final SamplingStore store;
    private final OutboxWriter outbox;
    private final TopicsConfig topics;
    private final SamplingConfig config;
    private final BatchSelector selector;

    public Sampler(AgroalDataSource db, SamplingStore store, OutboxWriter outbox, TopicsConfig topics,
            SamplingConfig config) {
        this.db = db;
        this.store = store;
        this.outbox = outbox;
        this.topics = topics;
        this.config = config;
        this.selector = new BatchSelector(config);
    }

    /** Samples one batch; returns the requests made. */
    @Transactional
    public List<LabelingRequested> sample(List<ImageScored> batch) throws SQLException {
        List<LabelingRequested> made = new ArrayList<>();
        if (batch.isEmpty()) {
            return made;
        }
        try (Connection c = db.getConnection()) {
            List<UUID> ids = batch.stream().map(ImageScored::imageId).distinct().toList();
            for (ImageScored e : batch) {
                if (!"shadow".equals(e.arm())) {
                    store.saveScore(c, e);
                }
            }
            Set<UUID> settled = store.settled(c, ids);
            Map<UUID, Grade> legacy = store.legacyLabels(c, ids);
            int[] spent = store.spent(c);
            int budget = Math.max(0, Math.min(config.hourlyBudget() - spent[0], config.dailyBudget() - spent[1]));
            List<Candidate> candidates = batch.stream().filter(e -> !settled.contains(e.imageId()))
                    .map(e -> Candidate.of(e, legacy.get(e.imageId()))).toList();
            for (Selection s : selector.select(candidates, budget)) {
                Candidate k = s.candidate();
                UUID eventId = OutboxWriter.newEventId();
                if (!store.recordRequest(c, k.imageId(), s.reason(), eventId, s.priority())) {
                    continue;
                }
                LabelingRequested request = new LabelingRequested(eventId, Instant.now(),
                        LabelingRequested.SCHEMA_VERSION, k.imageId(), k.sha256(), k.sourceId(), k.slideId(),
                        s.reason(), s.priority(), s.detail(), k.modelName(), k.modelVersion(), k.arm(), k.pGood(),
                        k.grade(), k.goodThreshold(), k.legacyGrade(), k.modality(), k.notSpreadReason());
                outbox.stage(topics.labelingRequests(), k.imageId().toString(), request);
                made.add(request);
            }
        }
        return made;
    }

    /** Remembers a submitted label (legacy ones are reviewed against later scores). */
    @Transactional
    public void noteLabel(UUID imageId, Grade grade, String origin, boolean fin, UUID eventId) throws SQLException {
        try (Connection c = db.getConnection()) {
            store.saveLabel(c, imageId, grade, origin == null ? "doctor" : origin, fin, eventId);
        }
    }
}
