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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;

/**
 * Turns a batch of scoring events into labeling requests in one transaction: keeps the served scores,
 * leaves out images already requested or settled by a doctor (and the selector those that are not spreads), asks
 * the {@link BatchSelector} within the budget left, and records each request and stages its
 * {@link LabelingRequested} together. A legacy label that arrives after its image's score is reviewed when it
 * arrives, so that a disputed archive label gets its second opinion whichever topic is read first. A redelivered
 * batch or label requests nothing twice (one request per image and reason). {@link #sample} is not thread-safe:
 * used by the one images.scored consumer thread (the selector carries state); {@link #noteLabel} runs on the
 * labels.submitted consumer's thread beside it, and the two take per-image database locks
 * ({@link SamplingStore#lockImages}) so that each sees what the other kept of the same image.
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
            store.lockImages(c, ids);
            for (ImageScored e : batch) {
                if (!"shadow".equals(e.arm())) {
                    store.saveScore(c, e);
                }
            }
            Set<UUID> settled = store.settled(c, ids);
            Map<UUID, Grade> legacy = store.legacyLabels(c, ids);
            int budget = budget(c);
            List<Candidate> candidates = batch.stream().filter(e -> !settled.contains(e.imageId()))
                    .map(e -> Candidate.of(e, legacy.get(e.imageId()))).toList();
            for (Selection s : selector.select(candidates, budget)) {
                request(c, s).ifPresent(made::add);
            }
        }
        return made;
    }

    /**
     * Remembers a submitted label. A legacy label is reviewed against later scores, and at once against the served
     * score already kept: a legacy POOR the model disputes is requested for a second opinion (within the budget,
     * never for an image measured as not a spread, an image already requested or one a doctor settled).
     *
     * @return the review requested, if one was
     */
    @Transactional
    public Optional<LabelingRequested> noteLabel(UUID imageId, Grade grade, String origin, boolean fin, UUID eventId)
            throws SQLException {
        try (Connection c = db.getConnection()) {
            store.lockImages(c, List.of(imageId));
            String from = origin == null ? "doctor" : origin;
            store.saveLabel(c, imageId, grade, from, fin, eventId);
            if (!"legacy".equals(from) || !store.settled(c, List.of(imageId)).isEmpty() || budget(c) <= 0) {
                return Optional.empty();
            }
            Selection review = store.servedSpread(c, imageId, grade).map(selector::review).orElse(null);
            return review == null ? Optional.empty() : request(c, review);
        }
    }

    private int budget(Connection c) throws SQLException {
        int[] spent = store.spent(c);
        return Math.max(0, Math.min(config.hourlyBudget() - spent[0], config.dailyBudget() - spent[1]));
    }

    /** Records {@code s} and stages its event; empty when the image was already requested for that reason. */
    private Optional<LabelingRequested> request(Connection c, Selection s) throws SQLException {
        Candidate k = s.candidate();
        UUID eventId = OutboxWriter.newEventId();
        if (!store.recordRequest(c, k.imageId(), s.reason(), eventId, s.priority())) {
            return Optional.empty();
        }
        LabelingRequested request = new LabelingRequested(eventId, Instant.now(), LabelingRequested.SCHEMA_VERSION,
                k.imageId(), k.sha256(), k.sourceId(), k.slideId(), s.reason(), s.priority(), s.detail(),
                k.modelName(), k.modelVersion(), k.arm(), k.pGood(), k.grade(), k.goodThreshold(), k.legacyGrade(),
                k.modality(), k.notSpreadReason());
        outbox.stage(topics.labelingRequests(), k.imageId().toString(), request);
        return Optional.of(request);
    }
}
