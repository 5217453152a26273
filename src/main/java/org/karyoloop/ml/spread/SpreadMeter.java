package org.karyoloop.ml.spread;

import java.util.List;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.ml.preprocess.SpreadFeatures;

/**
 * Measures a spread: modality, chromosomes, clusters, the not-a-spread verdict and the measurements vector that
 * scoring, training, the command line and the benchmarks all read. Pure Java and deterministic; thread-safe
 * (stateless).
 */
public final class SpreadMeter {

    /** Number of measurements in {@link SpreadMeasurement#features()}. */
    public static final int FEATURES = SpreadFeatures.COUNT;
    /** Measurement names, in the order of {@link SpreadMeasurement#features()}. */
    public static final List<String> NAMES = List.of(SpreadFeatures.NAMES);

    private SpreadMeter() {
    }

    /** Measures {@code image}, its modality detected from its content. */
    public static SpreadMeasurement measure(DecodedImage image) {
        return measure(image, null);
    }

    /** Measures {@code image} as {@code modality}; null detects it from the content. */
    public static SpreadMeasurement measure(DecodedImage image, Modality modality) {
        Modality m = modality != null ? modality : detect(image);
        DecodedImage darkOnLight = m.brightOnDark() ? inverted(image) : image;
        float[] f = SpreadFeatures.of(darkOnLight);
        int chromosomes = Math.round(f[0] * 46);
        int clusters = Math.round(f[10]);
        boolean spread = chromosomes >= 10;
        return new SpreadMeasurement(m, chromosomes, clusters, spread,
                spread ? null : NotSpreadReason.TOO_FEW_CHROMOSOMES.wire(), f);
    }

    /** The modality of {@code image} from its content. */
    public static Modality detect(DecodedImage image) {
        long sum = 0;
        for (byte b : image.gray()) {
            sum += b & 0xFF;
        }
        return sum < 128L * image.gray().length ? Modality.FLUORESCENCE : Modality.BRIGHTFIELD;
    }

    private static DecodedImage inverted(DecodedImage image) {
        byte[] g = image.gray();
        byte[] out = new byte[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (byte) (255 - (g[i] & 0xFF));
        }
        return new DecodedImage(image.format(), image.width(), image.height(), image.bitsPerSample(), image.pages(),
                out);
    }
}
