package org.karyoloop.annotation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.karyoloop.events.Grade;

/** A labeling task locked for update while a label moves it on (opens an adjudication, or finishes it). */
record TaskProgress(UUID id, UUID imageId, int readsRequired, String reason, String modelName, String modelVersion,
        String arm, double priority) {

    /** Locks the task row for the rest of the transaction and reads it. */
    static TaskProgress lock(Connection c, String sql, UUID taskId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ItemNotFoundException("task", taskId);
                }
                return new TaskProgress(taskId, rs.getObject("image_id", UUID.class), rs.getInt("reads_required"),
                        rs.getString("reason"), rs.getString("model_name"), rs.getString("model_version"),
                        rs.getString("arm"), rs.getDouble("priority"));
            }
        }
    }

    /** The grade of the read already given for this task, or null if this is the first. */
    Grade earlierReadGrade(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select grade from label where task_id = ? and read_kind in ('first', 'second') limit 1")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Grade.valueOf(rs.getString(1)) : null;
            }
        }
    }

    /** The two reads disagree: a third doctor settles it, ahead of ordinary work. */
    void openAdjudication(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into labeling_item (id, task_id, kind, read_no, priority, status)
                values (?, ?, 'adjudication', 3, ?, 'queued')""")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, id);
            s.setDouble(3, priority + 1.0);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("update labeling_task set state = 'adjudication' where id = ?")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }

    /** The task has its final label. */
    void finish(Connection c, UUID finalLabelId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update labeling_task set state = 'done', final_label_id = ?, done_at = now() where id = ?")) {
            s.setObject(1, finalLabelId);
            s.setObject(2, id);
            s.executeUpdate();
        }
    }
}
