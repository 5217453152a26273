package org.karyoloop.ingest.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds images by content and by the sender's idempotency key, and stores a new one. Thread-safe (stateless; each
 * call works on its caller's transaction).
 */
@ApplicationScoped
public class ImageRepository implements PanacheRepositoryBase<Image, UUID> {

    private static final String INSERT_IF_NEW = """
            insert into image (id, sha256, format, width, height, bits_per_sample, pages, byte_size, source_id,
                               slide_id, captured_at, idempotency_key, origin, received_at, mean_intensity,
                               std_intensity, background_level, foreground_fraction, modality)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    private final AgroalDataSource db;

    public ImageRepository(AgroalDataSource db) {
        this.db = db;
    }

    public Optional<Image> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    public Optional<Image> findByIdempotencyKey(String sourceId, String idempotencyKey) {
        return find("coalesce(sourceId, '') = ?1 and idempotencyKey = ?2",
                sourceId == null ? "" : sourceId, idempotencyKey).firstResultOptional();
    }

    /**
     * Stores {@code image} unless an image with the same bytes, or the same source's idempotency key, is already
     * stored (or is being stored by a concurrent transaction, which this one then waits for); true when stored.
     * One statement on the transaction's connection: ingest's hot path, which needs neither a lookup first nor a
     * Hibernate session. Requires an active transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertIfNew(Image image) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(INSERT_IF_NEW)) {
            s.setObject(1, image.id);
            s.setString(2, image.sha256);
            s.setString(3, image.format);
            s.setInt(4, image.width);
            s.setInt(5, image.height);
            s.setInt(6, image.bitsPerSample);
            s.setInt(7, image.pages);
            s.setLong(8, image.byteSize);
            s.setString(9, image.sourceId);
            s.setString(10, image.slideId);
            setInstant(s, 11, image.capturedAt);
            s.setString(12, image.idempotencyKey);
            s.setString(13, image.origin);
            setInstant(s, 14, image.receivedAt);
            s.setDouble(15, image.meanIntensity);
            s.setDouble(16, image.stdIntensity);
            s.setInt(17, image.backgroundLevel);
            s.setDouble(18, image.foregroundFraction);
            s.setString(19, image.modality);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("image " + image.id + " could not be stored", e);
        }
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }
}
