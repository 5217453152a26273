package org.karyoloop.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.karyoloop.imaging.GrayHistogram;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.ml.spread.ModalityDetector;

/**
 * Chooses the modality recorded with an image: the one configured for its source
 * ({@code karyoloop.ingest.modality."<source>"}), else the one {@link ModalityDetector#detect(GrayHistogram) detected} from its
 * histogram.
 * Thread-safe (immutable after construction).
 */
@ApplicationScoped
public class ModalityChooser {

    /** The configured value that means "detect from the content". */
    public static final String DETECT = "detect";

    private final Map<String, Modality> configured;

    @Inject
    public ModalityChooser(IngestConfig config) {
        this(config.modality());
    }

    /** @param bySource modality or {@value #DETECT} per source id; an unknown value fails at once, naming its key */
    ModalityChooser(Map<String, String> bySource) {
        Map<String, Modality> parsed = new HashMap<>();
        for (Map.Entry<String, String> e : bySource.entrySet()) {
            if (DETECT.equalsIgnoreCase(e.getValue().trim())) {
                continue;
            }
            try {
                parsed.put(e.getKey(), Modality.parse(e.getValue()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("karyoloop.ingest.modality.\"" + e.getKey() + "\": "
                        + bad.getMessage() + ", or " + DETECT, bad);
            }
        }
        this.configured = Map.copyOf(parsed);
    }

    /** The modality of an image from source {@code sourceId} (may be null: detected from {@code gray}). */
    public Modality choose(String sourceId, GrayHistogram gray) {
        Modality m = sourceId == null ? null : configured.get(sourceId);
        return m != null ? m : ModalityDetector.detect(gray);
    }
}
