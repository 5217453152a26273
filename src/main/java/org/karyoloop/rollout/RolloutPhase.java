package org.karyoloop.rollout;

/** Where a model's rollout stands. */
public enum RolloutPhase {
    /** Only the stable version serves (or none yet). */
    IDLE,
    /** A candidate serves a weighted, sticky slice and evidence is gathered. */
    CANARY,
    /** An operator paused the canary: it keeps its slice, automation neither advances nor rolls back. */
    PAUSED
}
