package org.karyoloop.annotation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.karyoloop.annotation.LabelingConflictException.Code;
import org.karyoloop.events.Grade;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.platform.audit.AuditLog;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;

/**
 * Records a doctor's label for a leased item and moves its task on: a single read is final; of two
 * blind reads, agreement makes the second final and disagreement opens an adjudication, whose label
 * is final. The label, the task's new state, the audit row and {@link LabelSubmitted} commit in one
 * transaction. Submitting is idempotent: a retry returns the stored label and emits nothing.
 * Thread-safe (stateless); concurrent submits of one task serialise on the task's row lock.
 */
@ApplicationScoped
public class LabelService {

    private static final String LOCK_ITEM = "select task_id, kind, status, leased_by from labeling_item where id = ? for update";
    private static final String LOCK_TASK = """
            select image_id, reads_required, reason, model_name, model_version, arm, priority
              from labeling_task where id = ? for update""";
    private static final String INSERT_LABEL = """
            insert into label (id, item_id, task_id, image_id, doctor, read_kind, grade, score, flags, comment, is_final,
                               created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource db;
    private final LabelReader labels;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final TopicsConfig topics;

    public LabelService(AgroalDataSource db, LabelReader labels, OutboxWriter outbox, AuditLog audit,
            TopicsConfig topics) {
        this.db = db;
        this.labels = labels;
        this.outbox = outbox;
        this.audit = audit;
        this.topics = topics;
    }

    /** Stores {@code input} as {@code doctor}'s answer for item {@code itemId}. */
    @Transactional
    public LabelView submit(String doctor, UUID itemId, LabelInput input) throws SQLException {
        List<String> flags = input.validFlags();
        try (Connection c = db.getConnection()) {
            UUID taskId;
            String kind;
            try (PreparedStatement s = c.prepareStatement(LOCK_ITEM)) {
                s.setObject(1, itemId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new ItemNotFoundException("item", itemId);
                    }
                    taskId = rs.getObject("task_id", UUID.class);
                    kind = rs.getString("kind");
                    LabelView existing = labels.ofItem(c, itemId).orElse(null);
                    if (existing != null) {
                        if (existing.doctor().equals(doctor)) {
                            return existing;
                        }
                        throw new LabelingConflictException(Code.ALREADY_LABELLED, "item " + itemId + " is labelled");
                    }
                    if (!"leased".equals(rs.getString("status")) || !doctor.equals(rs.getString("leased_by"))) {
                        throw new LabelingConflictException(Code.LEASE_NOT_HELD,
                                "item " + itemId + " is not leased to you (the lease may have expired)");
                    }
                }
            }
            return record(c, doctor, itemId, taskId, kind, input, flags);
        }
    }

    private LabelView record(Connection c, String doctor, UUID itemId, UUID taskId, String kind, LabelInput input,
            List<String> flags) throws SQLException {
        TaskProgress task = TaskProgress.lock(c, LOCK_TASK, taskId);
        String readKind;
        boolean fin;
        if ("adjudication".equals(kind)) {
            readKind = "adjudication";
            fin = true;
        } else if (task.readsRequired() == 1) {
            readKind = "single";
            fin = true;
        } else {
            Grade earlier = task.earlierReadGrade(c);
            readKind = earlier == null ? "first" : "second";
            fin = earlier == input.grade();
            if (earlier != null && !fin) {
                task.openAdjudication(c);
            }
        }
        UUID labelId = UUID.randomUUID();
        Instant now = Instant.now();
        try (PreparedStatement s = c.prepareStatement(INSERT_LABEL)) {
            s.setObject(1, labelId);
            s.setObject(2, itemId);
            s.setObject(3, taskId);
            s.setObject(4, task.imageId());
            s.setString(5, doctor);
            s.setString(6, readKind);
            s.setString(7, input.grade().name());
            s.setObject(8, input.score());
            s.setString(9, flags.isEmpty() ? null : String.join(",", flags));
            s.setString(10, input.comment());
            s.setBoolean(11, fin);
            s.setTimestamp(12, Timestamp.from(now));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("update labeling_item set status = 'done' where id = ?")) {
            s.setObject(1, itemId);
            s.executeUpdate();
        }
        if (fin) {
            task.finish(c, labelId);
        }
        audit.record(doctor, "adjudication".equals(readKind) ? "label.adjudicate" : "label.submit", "label",
                labelId.toString(), "task=" + taskId + " grade=" + input.grade() + " read=" + readKind);
        outbox.stage(topics.labelsSubmitted(), task.imageId().toString(), new LabelSubmitted(OutboxWriter.newEventId(),
                now, LabelSubmitted.SCHEMA_VERSION, task.imageId(), labelId, taskId, doctor, input.grade(),
                input.score(), flags, input.comment(), readKind, fin, "doctor", task.reason(), task.modelName(),
                task.modelVersion(), task.arm()));
        return new LabelView(labelId, itemId, taskId, task.imageId(), doctor, readKind, input.grade().name(),
                input.score(), flags, input.comment(), fin, now, true);
    }
}
