package org.karyoloop.scoring.serving;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.karyoloop.events.RolloutStateChanged;

/**
 * An immutable snapshot of what this replica serves: the stable version, optional canary with its
 * weight, optional shadow with its sample share. Swapped as a whole, so a switch is atomic.
 *
 * @param generation increases with every applied rollout state on this replica
 * @param state the rollout state this snapshot applies, or null before any
 */
public record Routing(long generation, RolloutStateChanged state, ServedModel stable, ServedModel canary,
        int canaryWeight, ServedModel shadow, int shadowPercent) {

    /** Arms of a decision. */
    public static final String STABLE = "stable";
    public static final String CANARY = "canary";
    public static final String SHADOW = "shadow";
    public static final String NONE = "none";

    /** Nothing loaded yet. */
    public static Routing empty() {
        return new Routing(0, null, null, null, 0, null, 0);
    }

    /**
     * Where an image goes.
     *
     * @param primary the version that decides, or null (no model: passed on unscored)
     * @param arm stable, canary, or none
     * @param shadow a version that scores it too without deciding, or null
     */
    public record Decision(ServedModel primary, String arm, ServedModel shadow) {
    }

    /** The sticky decision for {@code imageId}. */
    public Decision decide(UUID imageId) {
        ServedModel primary;
        String arm;
        if (canary != null && CanaryRouter.inCanary(imageId, canaryWeight)) {
            primary = canary;
            arm = CANARY;
        } else if (stable != null) {
            primary = stable;
            arm = STABLE;
        } else {
            primary = null;
            arm = NONE;
        }
        boolean shadowed = shadow != null && shadow != primary && CanaryRouter.inShadow(imageId, shadowPercent);
        return new Decision(primary, arm, shadowed ? shadow : null);
    }

    /** Every version this snapshot serves. */
    public Set<ServedModel> models() {
        Set<ServedModel> all = new LinkedHashSet<>();
        for (ServedModel m : new ServedModel[] {stable, canary, shadow}) {
            if (m != null) {
                all.add(m);
            }
        }
        return all;
    }
}
