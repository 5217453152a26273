package org.karyoloop.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.events.TrainingRequested;

/**
 * The fields an event must carry before any consumer acts on it, one list per event record, the same for every
 * role that reads the topic. An event type not listed here has no required fields beyond being readable.
 */
final class EventContract {

    private EventContract() {
    }

    /** Names of the required fields that {@code event} lacks (null, or blank for text); empty when it is valid. */
    static List<String> missing(Object event) {
        if (event instanceof LabelingRequested e) {
            return missing("eventId", e.eventId(), "imageId", e.imageId(), "sha256", e.sha256(), "reason", e.reason());
        }
        if (event instanceof ImageScored e) {
            return missing("eventId", e.eventId(), "imageId", e.imageId(), "sha256", e.sha256());
        }
        if (event instanceof LabelSubmitted e) {
            return missing("eventId", e.eventId(), "imageId", e.imageId(), "labelId", e.labelId(), "grade", e.grade());
        }
        if (event instanceof ImageIngested e) {
            return missing("imageId", e.imageId(), "sha256", e.sha256(), "occurredAt", e.occurredAt());
        }
        if (event instanceof TrainingRequested e) {
            return missing("modelName", e.modelName());
        }
        return List.of();
    }

    private static List<String> missing(Object... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null || value instanceof String s && s.isBlank()) {
                missing.add((String) namesAndValues[i]);
            }
        }
        return missing;
    }
}
