package org.karyoloop.scoring.serving;

/** A version named by the rollout state could not be made to serve (not registered, broken, warm-up failed). */
public final class ModelLoadException extends Exception {

    public ModelLoadException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
