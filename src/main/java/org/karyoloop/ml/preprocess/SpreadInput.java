package org.karyoloop.ml.preprocess;

import java.util.Objects;
import org.karyoloop.imaging.DecodedImage;

/**
 * One spread on its way into a model: the decoded image, and once preprocessed its model input
 * (inputSize x inputSize values in 0..1, row-major). Preprocessing may happen ahead of inference on
 * another thread ({@link SpreadTranslator#prepare}), or inside the translator.
 *
 * @param image the decoded 8-bit gray image; may be null once {@code pixels} are there
 * @param pixels the preprocessed input, or null if not yet computed
 */
public record SpreadInput(DecodedImage image, float[] pixels) {

    public SpreadInput {
        if (image == null && pixels == null) {
            throw new IllegalArgumentException("an image or its preprocessed pixels are required");
        }
    }

    /** A spread still to be preprocessed. */
    public static SpreadInput of(DecodedImage image) {
        return new SpreadInput(Objects.requireNonNull(image, "image"), null);
    }

    /** An already preprocessed input (training data, warm-up and probe inputs). */
    public static SpreadInput prepared(float[] pixels) {
        return new SpreadInput(null, Objects.requireNonNull(pixels, "pixels"));
    }
}
