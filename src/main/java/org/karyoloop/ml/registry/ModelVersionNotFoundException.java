package org.karyoloop.ml.registry;

/** No model version is registered under that name and version. */
public final class ModelVersionNotFoundException extends RuntimeException {

    public ModelVersionNotFoundException(String modelName, String version) {
        super("no version " + version + " of model " + modelName + " is registered");
    }
}
