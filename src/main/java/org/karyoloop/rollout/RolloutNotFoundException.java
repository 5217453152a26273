package org.karyoloop.rollout;

import org.karyoloop.platform.problem.ProblemException;

/** No rollout exists for the model: it never had a candidate nor an operator's action. */
public final class RolloutNotFoundException extends ProblemException {

    public RolloutNotFoundException(String modelName) {
        super(Kind.NOT_FOUND, "rollout-not-found", "Rollout not found", "no rollout for model " + modelName);
    }
}
