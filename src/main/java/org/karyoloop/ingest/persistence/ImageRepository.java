package org.karyoloop.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Finds images by content and by the sender's idempotency key. */
@ApplicationScoped
public class ImageRepository implements PanacheRepositoryBase<Image, UUID> {

    public Optional<Image> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    public Optional<Image> findByIdempotencyKey(String sourceId, String idempotencyKey) {
        return find("coalesce(sourceId, '') = ?1 and idempotencyKey = ?2",
                sourceId == null ? "" : sourceId, idempotencyKey).firstResultOptional();
    }
}
