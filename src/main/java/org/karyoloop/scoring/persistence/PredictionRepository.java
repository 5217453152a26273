package org.karyoloop.scoring.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Predictions by image; the decision (non-shadow) row of an image is its dedupe key. */
@ApplicationScoped
public class PredictionRepository implements PanacheRepositoryBase<Prediction, UUID> {

    public boolean hasDecision(UUID imageId) {
        return count("imageId = ?1 and arm <> 'shadow'", imageId) > 0;
    }

    public List<Prediction> byImage(UUID imageId) {
        return list("imageId", imageId);
    }
}
