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

    /** {@code r} as scoring measured it: its image's modality (or null) and why it is not a spread (or null). */
    static LabelingRequested measured(LabelingRequested r, String modality, String notSpreadReason) {
        return new LabelingRequested(r.eventId(), r.occurredAt(), r.schemaVersion(), r.imageId(), r.sha256(),
                r.sourceId(), r.slideId(), r.reason(), r.priority(), r.detail(), r.modelName(), r.modelVersion(),
                r.arm(), r.pGood(), r.modelGrade(), r.goodThreshold(), r.legacyGrade(), modality, notSpreadReason);
    }
}
