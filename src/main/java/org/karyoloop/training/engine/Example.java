package org.karyoloop.training.engine;

/**
 * One training or evaluation example: a preprocessed model input (pixels quantised to bytes, 0..255 for
 * 0..1, so a large archive fits in memory; or the spread's measurements as they are) and its label.
 *
 * @param pixels inputSize x inputSize values, row-major, from the shared Preprocessor; empty for measurements
 * @param measured the spread's measurements (a recipe that measures), or null for pixels
 * @param label class index in {@link SpreadTrainer#CLASSES} order
 * @param weight loss weight (doctor labels 1, legacy labels less, noisy legacy negatives less still)
 * @param unlabeled a legacy negative treated as unlabeled by the nnPU loss (ignored by other losses)
 * @param slide the slide id, for reports
 */
public record Example(byte[] pixels, int label, float weight, boolean unlabeled, String slide, float[] measured) {

    private static final byte[] NO_PIXELS = new byte[0];

    /** An example of pixels. */
    public Example(byte[] pixels, int label, float weight, boolean unlabeled, String slide) {
        this(pixels, label, weight, unlabeled, slide, null);
    }

    /** An example of the preprocessed {@code input}: measurements kept as they are, pixels quantised. */
    public static Example of(float[] input, boolean measured, int label, float weight, boolean unlabeled,
            String slide) {
        return measured ? new Example(NO_PIXELS, label, weight, unlabeled, slide, input.clone())
                : new Example(quantise(input), label, weight, unlabeled, slide, null);
    }

    /** Quantises a preprocessed input (0..1 floats) for storage. */
    public static byte[] quantise(float[] input) {
        byte[] out = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = (byte) Math.round(Math.max(0f, Math.min(1f, input[i])) * 255f);
        }
        return out;
    }

    /** The stored input as 0..1 floats into {@code dest} at {@code offset}. */
    public void copyTo(float[] dest, int offset) {
        if (measured != null) {
            System.arraycopy(measured, 0, dest, offset, measured.length);
            return;
        }
        for (int i = 0; i < pixels.length; i++) {
            dest[offset + i] = (pixels[i] & 0xFF) / 255f;
        }
    }
}
