package org.karyoloop.ml.registry;

import org.karyoloop.platform.problem.ProblemException;

/** The model name already has a version with that id; versions are immutable, so it is not replaced. */
public final class ModelVersionConflictException extends ProblemException {

    public ModelVersionConflictException(String modelName, String version) {
        super(Kind.CONFLICT, "model-version-exists", "Model version exists",
                modelName + " already has a version " + version + " (versions are immutable)");
    }
}
