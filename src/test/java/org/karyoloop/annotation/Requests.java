package org.karyoloop.annotation;

import java.time.Instant;
import java.util.UUID;
import org.karyoloop.events.Grade;
import org.karyoloop.events.LabelingRequested;

/** Crafted labeling requests for tests: an image that needs one read or two, at a given priority. */
final class Requests {

    private Requests() {
    }

    /** A request for a fresh image whose id makes {@code reads} reads at the default 10% share. */
    static LabelingRequested forReads(int reads, double priority) {
        UUID image;
        do {
            image = UUID.randomUUID();
        } while (SecondReadPolicy.readsFor(image, 0.1) != reads);
        return new LabelingRequested(UUID.randomUUID(), Instant.now(), 1, image, "0".repeat(64), "scope-1",
                "slide-1", "uncertainty", priority, "margin=0.05", "metaphase-quality", "v7", "canary", 0.45,
                Grade.FAIR, 0.5, null, "brightfield", null);
    }
}
