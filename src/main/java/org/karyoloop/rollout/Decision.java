package org.karyoloop.rollout;

/**
 * What the rollout policy concludes about a running canary, with the reason an operator will read.
 *
 * @param weight for {@link Kind#ADVANCE}, the next canary weight
 */
public record Decision(Kind kind, int weight, String reason) {

    /** The possible conclusions. */
    public enum Kind { WAIT, ADVANCE, PROMOTE, ROLL_BACK }

    static Decision waitFor(String reason) {
        return new Decision(Kind.WAIT, 0, reason);
    }

    static Decision advance(int weight, String reason) {
        return new Decision(Kind.ADVANCE, weight, reason);
    }

    static Decision promote(String reason) {
        return new Decision(Kind.PROMOTE, 100, reason);
    }

    static Decision rollBack(String reason) {
        return new Decision(Kind.ROLL_BACK, 0, reason);
    }
}
