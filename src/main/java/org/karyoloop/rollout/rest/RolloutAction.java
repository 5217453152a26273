package org.karyoloop.rollout.rest;

import com.fasterxml.jackson.annotation.JsonValue;
import org.karyoloop.rollout.OperatorAction;

/** What an operator can ask of a rollout, by its name in the API ({@code "action": "promote"}). */
public enum RolloutAction {
    /** Start a canary of {@code version} (a registered version). */
    CANARY("canary", OperatorAction.START),
    /** Hold the canary where it is: no automatic step. */
    PAUSE("pause", OperatorAction.PAUSE),
    /** Let the policy judge the canary again. */
    RESUME("resume", OperatorAction.RESUME),
    /** Make the canary the stable version. */
    PROMOTE("promote", OperatorAction.PROMOTE),
    /** End the canary; the stable version serves everything. */
    ROLLBACK("rollback", OperatorAction.ROLL_BACK),
    /** Serve exactly {@code version} as stable; automation leaves the model alone. */
    PIN("pin", OperatorAction.PIN),
    /** Hand the model back to automation. */
    UNPIN("unpin", OperatorAction.UNPIN),
    /** Set the canary's share of traffic to {@code weight} percent. */
    WEIGHT("weight", OperatorAction.SET_WEIGHT);

    private final String apiName;
    private final OperatorAction operatorAction;

    RolloutAction(String apiName, OperatorAction operatorAction) {
        this.apiName = apiName;
        this.operatorAction = operatorAction;
    }

    /** The action's name in requests and problem details. */
    @JsonValue
    @Override
    public String toString() {
        return apiName;
    }

    OperatorAction operatorAction() {
        return operatorAction;
    }

    /** Whether the action names a registered version to serve. */
    boolean needsVersion() {
        return this == CANARY || this == PIN;
    }
}
