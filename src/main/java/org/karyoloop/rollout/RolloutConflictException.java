package org.karyoloop.rollout;

/** An operator asked for a transition that does not fit the rollout's current state. */
public final class RolloutConflictException extends RuntimeException {

    public RolloutConflictException(String message) {
        super(message);
    }
}
