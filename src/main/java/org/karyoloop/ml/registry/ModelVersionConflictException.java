package org.karyoloop.ml.registry;

/** The model name already has a version with that id; versions are immutable, so it is not replaced. */
public final class ModelVersionConflictException extends RuntimeException {

    public ModelVersionConflictException(String modelName, String version) {
        super(modelName + " already has a version " + version + " (versions are immutable)");
    }
}
