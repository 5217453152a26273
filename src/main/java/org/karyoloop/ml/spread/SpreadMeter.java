package org.karyoloop.ml.spread;

import java.util.List;
import org.karyoloop.imaging.DecodedImage;

/**
 * Measures a spread: modality ({@link ModalityDetector}, or the configured one), the stain field
 * ({@link StainField}), the objects ({@link SpreadObjects}), the chromosomes per object ({@link Census}), the
 * not-a-spread verdict ({@link SpreadVerdict}) and the measurements vector ({@link Measurements}) that scoring,
 * training, the command line and the benchmarks all read. Pure Java and deterministic; thread-safe (stateless): while
 * fewer measurements run than the machine has cores, one offers two of its steps to an idle core ({@link Beside}).
 */
public final class SpreadMeter {

    /** Number of measurements in {@link SpreadMeasurement#features()}. */
    public static final int FEATURES = Measurements.COUNT;
    /** Measurement names, in the order of {@link SpreadMeasurement#features()}. */
    public static final List<String> NAMES = Measurements.NAMES;

    private SpreadMeter() {
    }

    /** Measures {@code image}, its modality detected from its content. */
    public static SpreadMeasurement measure(DecodedImage image) {
        return analyse(image, null).measurement();
    }

    /** Measures {@code image} as {@code modality}; null detects it from the content. */
    public static SpreadMeasurement measure(DecodedImage image, Modality modality) {
        return analyse(image, modality).measurement();
    }

    /** Measures {@code image} as {@code modality} (null: detected) and keeps what was seen on the way. */
    public static SpreadAnalysis analyse(DecodedImage image, Modality modality) {
        try (Beside.Running running = Beside.measuring()) {
            Modality m = modality != null ? modality : ModalityDetector.detect(image);
            StainField field = StainField.of(image, m);
            SpreadObjects objects = SpreadObjects.of(field);
            Census census = Census.of(objects, ObjectCounter.standard(m));
            float[] features = Measurements.of(objects, census);
            NotSpreadReason reason = SpreadVerdict.judge(image, objects, census);
            SpreadMeasurement result = new SpreadMeasurement(m, census.chromosomes(), census.clusters(),
                    reason == null, reason == null ? null : reason.wire(), features);
            return new SpreadAnalysis(result, objects, census);
        }
    }

    /** The modality of {@code image} from its content. */
    public static Modality detect(DecodedImage image) {
        return ModalityDetector.detect(image);
    }
}
