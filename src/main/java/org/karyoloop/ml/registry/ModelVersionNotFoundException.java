package org.karyoloop.ml.registry;

import org.karyoloop.platform.problem.ProblemException;

/** No model version is registered under that name and version. */
public final class ModelVersionNotFoundException extends ProblemException {

    public ModelVersionNotFoundException(String modelName, String version) {
        super(Kind.NOT_FOUND, "model-version-not-found", "Model version not found",
                "no version " + version + " of model " + modelName + " is registered");
    }
}
