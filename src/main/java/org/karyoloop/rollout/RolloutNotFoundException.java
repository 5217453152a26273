package org.karyoloop.rollout;

/** No rollout exists for the model: it never had a candidate nor an operator's action. */
public final class RolloutNotFoundException extends RuntimeException {

    public RolloutNotFoundException(String modelName) {
        super("no rollout for model " + modelName);
    }
}
