package org.karyoloop.ml.preprocess;

import org.karyoloop.ml.spread.SpreadMeter;
import ai.djl.ndarray.types.Shape;

/**
 * How a spread is turned into a model input; part of every model version, so scoring and training
 * apply exactly the steps the model was trained with.
 *
 * @param inputSize side of the square model input in pixels (e.g. 96)
 * @param workingSize longest side the image is box-averaged to before normalisation (cheap, and large
 *                    enough that chromosomes keep their shape)
 * @param autolevel whether to stretch contrast between the {@code lowPercentile} and
 *                  {@code highPercentile} gray levels (the lab's "autolevel")
 * @param lowPercentile gray-level percentile (0..100) mapped to black by autolevel
 * @param highPercentile gray-level percentile (0..100) mapped to white by autolevel
 * @param automask whether to flatten the background to white and remove large blobs (the lab's "automask")
 * @param maskDelta how much darker than the background (0..1 of the range) a pixel must be to count as
 *                  foreground
 * @param maxBlobFraction foreground components larger than this share of the image are nuclei or blood
 *                        cells, not chromosomes, and are removed by automask
 * @param cropToSpread whether to crop a square around the spread (the bulk of the foreground left after automask)
 *                     before scaling to the input size, so the model sees chromosomes at up to the working
 *                     resolution instead of the whole field shrunk; false in recipes stored before it existed
 * @param measure whether the model input is the spread's {@link SpreadMeter measurements} (chromosome count,
 *                merged objects, focus, condensation, measured at full resolution) instead of pixels; the pixel
 *                steps above are then not used, and {@code inputSize} is the number of measurements the model was
 *                trained on; false in recipes stored before it existed
 */
public record PreprocessRecipe(int inputSize, int workingSize, boolean autolevel, double lowPercentile,
        double highPercentile, boolean automask, double maskDelta, double maxBlobFraction, boolean cropToSpread,
        boolean measure) {

    public PreprocessRecipe {
        if (inputSize < 8 || inputSize > 1024 || workingSize < inputSize) {
            throw new IllegalArgumentException("need 8 <= inputSize <= 1024 and workingSize >= inputSize");
        }
        if (lowPercentile < 0 || highPercentile > 100 || lowPercentile >= highPercentile) {
            throw new IllegalArgumentException("need 0 <= lowPercentile < highPercentile <= 100");
        }
        if (maskDelta <= 0 || maskDelta >= 1 || maxBlobFraction <= 0 || maxBlobFraction > 1) {
            throw new IllegalArgumentException("need 0 < maskDelta < 1 and 0 < maxBlobFraction <= 1");
        }
    }

    /** The lab's recipe at the given input size: autolevel 0.5..99.5 %, automask, blobs over 1.5 % removed. */
    public static PreprocessRecipe standard(int inputSize) {
        return new PreprocessRecipe(inputSize, Math.max(inputSize, 4 * inputSize), true, 0.5, 99.5, true, 0.12,
                0.015, false, false);
    }

    /** The recipe of models that grade the spread's measurements ({@link SpreadMeter}) instead of its pixels. */
    public static PreprocessRecipe measurements() {
        return standard(SpreadMeter.FEATURES).withMeasure(true);
    }

    /**
     * Why a model with this recipe cannot run on this release, or null: a model over the measurements reads exactly
     * the measurements it was trained on, so one trained on another release's {@link SpreadMeter#NAMES} is refused
     * rather than fed values it never saw.
     */
    public String incompatibility() {
        if (measure && inputSize != SpreadMeter.FEATURES) {
            return "the model reads " + inputSize + " spread measurements, this release measures "
                    + SpreadMeter.FEATURES + " (" + String.join(", ", SpreadMeter.NAMES) + "): retrain it";
        }
        return null;
    }

    /** This recipe with the crop to the spread switched on or off. */
    public PreprocessRecipe withCropToSpread(boolean crop) {
        return new PreprocessRecipe(inputSize, workingSize, autolevel, lowPercentile, highPercentile, automask,
                maskDelta, maxBlobFraction, crop, measure);
    }

    /** This recipe with the measurements as model input switched on or off. */
    public PreprocessRecipe withMeasure(boolean measured) {
        return new PreprocessRecipe(inputSize, workingSize, autolevel, lowPercentile, highPercentile, automask,
                maskDelta, maxBlobFraction, cropToSpread, measured);
    }

    /** The model input of one spread, without the batch axis: the measurements, or one gray channel. */
    public Shape inputShape() {
        return measure ? new Shape(SpreadMeter.FEATURES) : new Shape(1, inputSize, inputSize);
    }

    /** Number of values in one spread's model input. */
    public int inputLength() {
        return (int) inputShape().size();
    }
}
