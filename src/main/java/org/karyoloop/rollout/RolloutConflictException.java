package org.karyoloop.rollout;

import org.karyoloop.platform.problem.ProblemException;

/** An operator asked for a transition that does not fit the rollout's current state. */
public final class RolloutConflictException extends ProblemException {

    public RolloutConflictException(String message) {
        super(Kind.CONFLICT, "rollout-conflict", "Rollout action not possible", message);
    }
}
