package org.karyoloop.scoring.serving;

import java.time.Instant;

/**
 * The routing of one image, holding its versions until released: they are not closed while leased.
 * Used by one thread; release exactly once.
 *
 * @param decision where the image goes
 * @param routedAt when the routing snapshot was read (under the switch lock: every image routed by an
 *                 older snapshot has an earlier time than any image routed by a newer one)
 * @param generation the snapshot's generation
 */
public record Lease(Routing.Decision decision, Instant routedAt, long generation) implements AutoCloseable {

    @Override
    public void close() {
        if (decision.primary() != null) {
            decision.primary().release();
        }
        if (decision.shadow() != null) {
            decision.shadow().release();
        }
    }
}
