package org.karyoloop.scoring.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reads predictions by image (PredictionWriter writes them; the decision row of an image is its dedupe key). */
@ApplicationScoped
public class PredictionRepository implements PanacheRepositoryBase<Prediction, UUID> {

    public List<Prediction> byImage(UUID imageId) {
        return list("imageId", imageId);
    }
}
