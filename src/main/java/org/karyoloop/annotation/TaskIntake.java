package org.karyoloop.annotation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.ml.data.SlideSplit;
import org.karyoloop.ml.data.SplitConfig;
import org.karyoloop.ml.spread.Modality;

/**
 * Turns a labeling request into a task and its read items, idempotently: the same request again (by
 * event id), or a request for an image whose task is still unfinished, changes nothing. The task keeps what
 * scoring measured of the image (modality, the not-a-spread reason) for the doctors' page. Thread-safe
 * (stateless).
 */
@ApplicationScoped
public class TaskIntake {

    private static final String INSERT_TASK = """
            insert into labeling_task (id, image_id, sha256, source_id, slide_id, request_event_id, reason, priority,
                                       detail, model_name, model_version, arm, model_grade, p_good, reads_required,
                                       modality, not_spread_reason, state)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open') on conflict do nothing""";
    private static final String INSERT_ITEM = """
            insert into labeling_item (id, task_id, kind, read_no, priority, status) values (?, ?, 'read', ?, ?, 'queued')""";

    /** The longest not-a-spread reason a task keeps (the column's width). */
    static final int MAX_REASON_LENGTH = 32;
    private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0," + (MAX_REASON_LENGTH - 1) + "}");

    private final AgroalDataSource db;
    private final AnnotationConfig config;
    private final SlideSplit heldOut;

    public TaskIntake(AgroalDataSource db, AnnotationConfig config, SplitConfig split) {
        this.db = db;
        this.config = config;
        this.heldOut = config.secondReadHeldOut() ? split.slideSplit() : null;
    }

    /**
     * What makes {@code r} (a request with its required fields) one no task can be made of, or null when a task
     * can: a modality must be one of {@link Modality}'s wire names, and a not-a-spread reason a code of at most
     * {@value #MAX_REASON_LENGTH} characters.
     */
    public static String whatIsWrong(LabelingRequested r) {
        if (r.modality() != null && Arrays.stream(Modality.values()).noneMatch(m -> m.wire().equals(r.modality()))) {
            return "unknown modality '" + r.modality() + "'";
        }
        if (r.notSpreadReason() != null && !REASON_CODE.matcher(r.notSpreadReason()).matches()) {
            return "notSpreadReason must be a code of 1 to " + MAX_REASON_LENGTH + " lower-case letters, digits and "
                    + "dashes";
        }
        return null;
    }

    /** Creates the task for {@code request}; returns its id, or null when it was a duplicate. */
    @Transactional
    public UUID accept(LabelingRequested r) throws SQLException {
        UUID taskId = UUID.randomUUID();
        int reads = SecondReadPolicy.readsFor(r.imageId(), r.slideId(), config.secondReadShare(), heldOut);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(INSERT_TASK)) {
                s.setObject(1, taskId);
                s.setObject(2, r.imageId());
                s.setString(3, r.sha256());
                s.setString(4, r.sourceId());
                s.setString(5, r.slideId());
                s.setObject(6, r.eventId());
                s.setString(7, r.reason());
                s.setDouble(8, r.priority());
                s.setString(9, r.detail() == null ? null : r.detail().substring(0, Math.min(200, r.detail().length())));
                s.setString(10, r.modelName());
                s.setString(11, r.modelVersion());
                s.setString(12, r.arm());
                s.setString(13, r.modelGrade() == null ? null : r.modelGrade().name());
                s.setObject(14, r.pGood());
                s.setInt(15, reads);
                s.setString(16, r.modality());
                s.setString(17, r.notSpreadReason());
                if (s.executeUpdate() == 0) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement(INSERT_ITEM)) {
                for (int read = 1; read <= reads; read++) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, taskId);
                    s.setInt(3, read);
                    s.setDouble(4, r.priority());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        return taskId;
    }
}
