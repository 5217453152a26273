package org.karyoloop.ml.preprocess;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.Objects;
import org.karyoloop.imaging.DecodedImage;

/**
 * The DJL translator of every karyoloop model: a spread in (preprocessed by {@link Preprocessor},
 * here or ahead of time with {@link #prepare}), a 1 x S x S tensor (or the
 * spread's measurements) to the model, class logits out
 * and softmax probabilities back in the version's class order. Thread-safe (immutable); DJL calls it
 * from each predictor's thread.
 */
public final class SpreadTranslator implements Translator<SpreadInput, float[]> {

    private final Preprocessor preprocessor;
    private final int classes;

    public SpreadTranslator(PreprocessRecipe recipe, int classes) {
        this.preprocessor = new Preprocessor(Objects.requireNonNull(recipe, "recipe"));
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier has at least 2 classes, not " + classes);
        }
        this.classes = classes;
    }

    /** Preprocesses off the inference thread, so decoding and preprocessing overlap with inference. */
    public SpreadInput prepare(DecodedImage image) {
        return SpreadInput.prepared(preprocessor.apply(image));
    }

    /** The model input shape of one spread: channels, height, width (or the number of measurements). */
    public Shape inputShape() {
        return preprocessor.recipe().inputShape();
    }

    @Override
    public NDList processInput(TranslatorContext ctx, SpreadInput input) {
        float[] pixels = input.pixels() != null ? input.pixels() : preprocessor.apply(input.image());
        if (pixels.length != inputShape().size()) {
            throw new IllegalArgumentException(
                    "prepared input has " + pixels.length + " values, the model wants " + inputShape());
        }
        return new NDList(ctx.getNDManager().create(pixels, inputShape()));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray logits = list.get(0);
        if (logits.getShape().size() != classes) {
            throw new IllegalStateException("model output " + logits.getShape() + " is not " + classes + " classes");
        }
        return logits.reshape(classes).softmax(0).toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
