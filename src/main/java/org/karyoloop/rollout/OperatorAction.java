package org.karyoloop.rollout;

import org.karyoloop.rollout.persistence.RolloutState;

/** What an operator can do to a model's rollout; each checks it makes sense in the current state. */
public enum OperatorAction {
    /** Start a canary of a registered version at the first weight step. */
    START("canary-started-by-operator", true),
    /** Freeze the canary's slice: automation neither advances nor rolls it back. */
    PAUSE("paused", false),
    /** Hand a paused canary back to automation. */
    RESUME("resumed", false),
    /** Make the canary stable now. */
    PROMOTE("promoted-by-operator", true),
    /** End the canary now; stable keeps serving. */
    ROLL_BACK("rolled-back-by-operator", true),
    /** Serve exactly {@code version} as stable, end any canary, and keep automation away. */
    PIN("pinned", true),
    /** Let automation act again. */
    UNPIN("unpinned", true),
    /** Set the canary's share of traffic. */
    SET_WEIGHT("weight-set", true);

    private final String code;
    private final boolean changesServing;

    OperatorAction(String code, boolean changesServing) {
        this.code = code;
        this.changesServing = changesServing;
    }

    String code() {
        return code;
    }

    boolean changesServing() {
        return changesServing;
    }

    void apply(RolloutService service, RolloutState state, String version, Integer weight) {
        switch (this) {
            case START -> {
                require(version != null, "a version is required");
                require(state.phase == RolloutPhase.IDLE, "a canary is already running: " + state.canaryVersion);
                require(state.stableVersion != null && !version.equals(state.stableVersion),
                        "a canary needs a stable version to compare with, other than itself");
                service.startCanary(state, version, service.firstWeight());
            }
            case PAUSE -> {
                require(state.phase == RolloutPhase.CANARY, "no running canary to pause");
                state.phase = RolloutPhase.PAUSED;
            }
            case RESUME -> {
                require(state.phase == RolloutPhase.PAUSED, "the rollout is not paused");
                state.phase = RolloutPhase.CANARY;
            }
            case PROMOTE -> {
                require(state.canaryVersion != null, "no canary to promote");
                service.promoteCanary(state);
            }
            case ROLL_BACK -> {
                require(state.canaryVersion != null, "no canary to roll back");
                service.rollBackCanary(state);
            }
            case PIN -> {
                require(version != null, "a version is required");
                service.rollBackCanary(state);
                state.stableVersion = version;
                state.pinned = true;
            }
            case UNPIN -> {
                require(state.pinned, "the model is not pinned");
                state.pinned = false;
            }
            case SET_WEIGHT -> {
                require(weight != null && weight >= 1 && weight <= 100, "weight must be 1..100");
                require(state.canaryVersion != null, "no canary to weigh");
                state.canaryWeight = weight;
                state.stepStartedAt = service.now();
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new RolloutConflictException(message);
        }
    }
}
