package org.karyoloop.sampling;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;

/** The sampling role's tables, used on the caller's (transactional) connection. Thread-safe (stateless). */
@ApplicationScoped
public class SamplingStore {

    private static final String UPSERT_SCORE = """
            insert into sampling_score (image_id, sha256, source_id, slide_id, scored, p_good, grade, model_name,
                                        model_version, arm, event_id, scored_at, spread, good_threshold, modality)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, ?)
            on conflict (image_id) do update set scored = excluded.scored, p_good = excluded.p_good,
                   grade = excluded.grade, model_name = excluded.model_name, model_version = excluded.model_version,
                   arm = excluded.arm, event_id = excluded.event_id, scored_at = excluded.scored_at,
                   spread = excluded.spread, good_threshold = excluded.good_threshold,
                   modality = excluded.modality""";
    private static final String SERVED_SPREAD = """
            select sha256, source_id, slide_id, p_good, grade, model_name, model_version, arm, good_threshold, modality
              from sampling_score where image_id = ? and scored and spread""";

    /** Keeps the served score of an image (not shadow scores), and whether it is a spread at all. */
    void saveScore(Connection c, ImageScored e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_SCORE)) {
            s.setObject(1, e.imageId());
            s.setString(2, e.sha256());
            s.setString(3, e.sourceId());
            s.setString(4, e.slideId());
            s.setBoolean(5, e.scored());
            s.setObject(6, e.scored() && e.probabilities() != null ? e.probabilities().get(Grade.GOOD.name()) : null);
            s.setString(7, e.grade() == null ? null : e.grade().name());
            s.setString(8, e.modelName());
            s.setString(9, e.modelVersion());
            s.setString(10, e.arm());
            s.setObject(11, e.eventId());
            s.setBoolean(12, e.gradeable());
            s.setObject(13, e.scored() ? e.goodThreshold() : null, Types.DOUBLE);
            s.setString(14, e.modality());
            s.executeUpdate();
        }
    }

    /**
     * Holds, until the caller's transaction ends, a lock per image of {@code ids}, taken in one order: a score and a
     * label of the same image, kept by two consumers at once, are then kept one after the other, so that the later
     * sees the earlier and a disputed legacy label is reviewed whichever came first.
     */
    void lockImages(Connection c, Collection<UUID> ids) throws SQLException {
        long[] keys = ids.stream().mapToLong(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .distinct().sorted().toArray();
        try (PreparedStatement s = c.prepareStatement(
                "select pg_advisory_xact_lock(k) from (select unnest(?::bigint[]) k order by 1) keys")) {
            s.setArray(1, c.createArrayOf("bigint", Arrays.stream(keys).boxed().toArray()));
            s.executeQuery().close();
        }
    }

    /** The served score of {@code imageId} as a candidate with {@code legacyGrade}, if it was scored as a spread. */
    Optional<Candidate> servedSpread(Connection c, UUID imageId, Grade legacyGrade) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SERVED_SPREAD)) {
            s.setObject(1, imageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double p = rs.getDouble("p_good");
                Map<String, Double> probabilities = rs.wasNull() ? Map.of() : Map.of(Grade.GOOD.name(), p);
                String grade = rs.getString("grade");
                double threshold = rs.getDouble("good_threshold");
                Double goodThreshold = rs.wasNull() ? null : threshold;
                return Optional.of(new Candidate(imageId, rs.getString("sha256"), rs.getString("source_id"),
                        rs.getString("slide_id"), true, probabilities, grade == null ? null : Grade.valueOf(grade),
                        goodThreshold, rs.getString("model_name"), rs.getString("model_version"), rs.getString("arm"),
                        legacyGrade, rs.getString("modality"), true, null));
            }
        }
    }

    /** Requests made in the last hour and since midnight. */
    int[] spent(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select count(*) filter (where requested_at > now() - interval '1 hour'),
                       count(*) filter (where requested_at >= date_trunc('day', now()))
                  from sampling_request where requested_at >= least(now() - interval '1 hour',
                                                                    date_trunc('day', now()))""");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2)};
        }
    }

    /** Of {@code ids}, those already requested, or already holding a doctor's final label. */
    Set<UUID> settled(Connection c, Collection<UUID> ids) throws SQLException {
        Set<UUID> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                """
                select image_id from sampling_request where image_id = any(?)
                union select image_id from sampling_label where image_id = any(?) and origin = 'doctor' and is_final""")) {
            var array = c.createArrayOf("uuid", ids.toArray());
            s.setArray(1, array);
            s.setArray(2, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }

    /** The legacy labels of {@code ids}. */
    Map<UUID, Grade> legacyLabels(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, Grade> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select image_id, grade from sampling_label where image_id = any(?) and origin = 'legacy'")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), Grade.valueOf(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Records a request; false when the image was already requested for that reason. */
    boolean recordRequest(Connection c, UUID imageId, String reason, UUID eventId, double priority)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into sampling_request (image_id, reason, event_id, priority) values (?, ?, ?, ?)
                on conflict do nothing""")) {
            s.setObject(1, imageId);
            s.setString(2, reason);
            s.setObject(3, eventId);
            s.setDouble(4, priority);
            return s.executeUpdate() > 0;
        }
    }

    /** Remembers a label seen on labels.submitted (the latest final one wins over a non-final one). */
    void saveLabel(Connection c, UUID imageId, Grade grade, String origin, boolean fin, UUID eventId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into sampling_label (image_id, grade, origin, is_final, event_id) values (?, ?, ?, ?, ?)
                on conflict (image_id) do update set grade = excluded.grade, origin = excluded.origin,
                       is_final = excluded.is_final, event_id = excluded.event_id, updated_at = now()
                 where excluded.is_final or not sampling_label.is_final""")) {
            s.setObject(1, imageId);
            s.setString(2, grade.name());
            s.setString(3, origin);
            s.setBoolean(4, fin);
            s.setObject(5, eventId);
            s.executeUpdate();
        }
    }
}
