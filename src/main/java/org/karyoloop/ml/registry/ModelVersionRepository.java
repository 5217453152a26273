package org.karyoloop.ml.registry;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds registered model versions by model name and version. */
@ApplicationScoped
public class ModelVersionRepository implements PanacheRepositoryBase<ModelVersion, UUID> {

    public Optional<ModelVersion> find(String modelName, String version) {
        return find("modelName = ?1 and version = ?2", modelName, version).firstResultOptional();
    }

    public List<ModelVersion> listByName(String modelName) {
        return list("modelName = ?1 order by createdAt", modelName);
    }

    public boolean hasAny(String modelName) {
        return count("modelName", modelName) > 0;
    }
}
