package org.karyoloop.scoring.serving;

/** Loads and warms a version for serving; implemented over the registry, replaced in unit tests. */
public interface ModelSource {

    /** A started, warmed {@link ServedModel} of {@code version}. */
    ServedModel load(String modelName, String version) throws ModelLoadException, InterruptedException;
}
