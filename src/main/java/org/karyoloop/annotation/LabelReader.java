package org.karyoloop.annotation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads stored labels: by item (for idempotent submits) and by image. Thread-safe (stateless). */
@ApplicationScoped
public class LabelReader {

    private static final String COLUMNS = """
            select id, item_id, task_id, image_id, doctor, read_kind, grade, score, flags, comment, is_final, created_at
              from label""";

    private final AgroalDataSource db;

    public LabelReader(AgroalDataSource db) {
        this.db = db;
    }

    /** The label already given for an item, if any (marked not created). */
    Optional<LabelView> ofItem(Connection c, UUID itemId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + " where item_id = ?")) {
            s.setObject(1, itemId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        }
    }

    /** Every label of an image, oldest first. */
    public List<LabelView> ofImage(UUID imageId) throws SQLException {
        List<LabelView> out = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(COLUMNS + " where image_id = ? order by created_at")) {
            s.setObject(1, imageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(view(rs));
                }
            }
        }
        return out;
    }

    private static LabelView view(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        Integer boxed = rs.wasNull() ? null : score;
        return new LabelView(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
                rs.getObject("task_id", UUID.class), rs.getObject("image_id", UUID.class), rs.getString("doctor"),
                rs.getString("read_kind"), rs.getString("grade"), boxed, ItemViews.flags(rs.getString("flags")),
                rs.getString("comment"), rs.getBoolean("is_final"), rs.getTimestamp("created_at").toInstant(), false);
    }
}
