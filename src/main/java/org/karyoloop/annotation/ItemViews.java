package org.karyoloop.annotation;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.karyoloop.ml.spread.NotSpreadReason;

/**
 * Reads what a doctor is shown about a leased item, on the caller's connection: the image, what scoring measured
 * of it (modality, the not-a-spread reason) and, when configured, the model's guess. Blindness lives here:
 * a read never carries another doctor's answer; only an adjudication lists the reads it settles.
 * Thread-safe (stateless).
 */
@ApplicationScoped
public class ItemViews {

    private static final String ITEM = """
            select i.id, i.task_id, i.kind, i.lease_until, t.image_id, t.model_grade, t.p_good, t.model_version,
                   t.modality, t.not_spread_reason
              from labeling_item i join labeling_task t on t.id = i.task_id where i.id = ?""";
    private static final String READS = """
            select doctor, grade, score, flags, comment from label
             where task_id = ? and read_kind <> 'adjudication' order by created_at""";

    private final AnnotationConfig config;

    public ItemViews(AnnotationConfig config) {
        this.config = config;
    }

    /** The view of item {@code itemId} for the doctor who holds it. */
    ClaimedItem claimed(Connection c, UUID itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ITEM)) {
            s.setObject(1, itemId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ItemNotFoundException("item", itemId);
                }
                UUID taskId = rs.getObject("task_id", UUID.class);
                String kind = rs.getString("kind");
                ClaimedItem.ModelGuess guess = null;
                if (config.showModelGuess() && rs.getString("model_version") != null) {
                    double p = rs.getDouble("p_good");
                    guess = new ClaimedItem.ModelGuess(rs.getString("model_grade"), rs.wasNull() ? null : p,
                            rs.getString("model_version"));
                }
                List<ClaimedItem.PriorRead> reads = "adjudication".equals(kind) ? reads(c, taskId) : List.of();
                return new ClaimedItem(itemId, taskId, rs.getObject("image_id", UUID.class), kind,
                        rs.getTimestamp("lease_until").toInstant(), "/api/annotation/tasks/" + taskId + "/image",
                        rs.getString("modality"), notASpread(rs.getString("not_spread_reason")), guess, reads);
            }
        }
    }

    /** The task an item belongs to. */
    Optional<UUID> taskOf(Connection c, UUID itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select task_id from labeling_item where id = ?")) {
            s.setObject(1, itemId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    static ClaimedItem.NotASpread notASpread(String reason) {
        if (reason == null) {
            return null;
        }
        String description = Arrays.stream(NotSpreadReason.values()).filter(r -> r.wire().equals(reason))
                .map(NotSpreadReason::description).findFirst().orElse(null);
        return new ClaimedItem.NotASpread(reason, description);
    }

    private static List<ClaimedItem.PriorRead> reads(Connection c, UUID taskId) throws SQLException {
        List<ClaimedItem.PriorRead> reads = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(READS)) {
            s.setObject(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int score = rs.getInt("score");
                    Integer boxed = rs.wasNull() ? null : score;
                    reads.add(new ClaimedItem.PriorRead(rs.getString("doctor"), rs.getString("grade"), boxed,
                            flags(rs.getString("flags")), rs.getString("comment")));
                }
            }
        }
        return reads;
    }

    static List<String> flags(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
    }
}
