package org.karyoloop.ml.preprocess;

import java.util.Objects;
import org.karyoloop.imaging.BoxAverage;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.ml.spread.SpreadMeter;

/**
 * The one preprocessing code path of scoring and training: 8-bit gray, box-averaged to the working
 * size, autolevel (percentile contrast stretch), automask (background flattened to white, large
 * nuclei and blood cells removed), optionally cropped to the spread, letterboxed to the square input
 * size, inverted so that background is 0 and chromosomes are high. Pure Java and deterministic;
 * thread-safe (immutable).
 */
public final class Preprocessor {

    /** Share of the foreground left out of the crop box at each end of each axis (debris far from the spread). */
    private static final double CROP_TAIL = 0.01;
    /** Margin around the crop box, as a share of its side, on each side. */
    private static final double CROP_MARGIN = 0.06;

    private final PreprocessRecipe recipe;

    public Preprocessor(PreprocessRecipe recipe) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    public PreprocessRecipe recipe() {
        return recipe;
    }

    /**
     * The model input of {@code image}: inputSize x inputSize values in 0..1, row-major; or, for a recipe that
     * {@link PreprocessRecipe#measure measures}, the spread's measurements
     * ({@link SpreadMeter}, its modality detected from the image) at full resolution.
     */
    public float[] apply(DecodedImage image) {
        if (recipe.measure()) {
            return SpreadMeter.measure(image).features();
        }
        int factor = Math.max(1, ceilDiv(Math.max(image.width(), image.height()), recipe.workingSize()));
        int w = ceilDiv(image.width(), factor);
        int h = ceilDiv(image.height(), factor);
        float[] work = BoxAverage.of(image, factor, w, h);
        if (recipe.autolevel()) {
            autolevel(work);
        }
        if (recipe.automask()) {
            BackgroundMask.apply(work, w, h, recipe.maskDelta(), recipe.maxBlobFraction());
        }
        float[] out = recipe.cropToSpread() ? letterboxSpread(work, w, h) : letterbox(work, w, h, recipe.inputSize());
        for (int i = 0; i < out.length; i++) {
            out[i] = 1f - out[i];
        }
        return out;
    }

    /** Maps the low percentile to 0 and the high one to 1, clamping outside. */
    private void autolevel(float[] v) {
        Histogram histogram = Histogram.of(v);
        float lo = histogram.percentile(recipe.lowPercentile());
        float hi = histogram.percentile(recipe.highPercentile());
        if (hi - lo < 1f / 255f) {
            return; // a flat image has nothing to stretch
        }
        float scale = 1f / (hi - lo);
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.min(1f, Math.max(0f, (v[i] - lo) * scale));
        }
    }

    /**
     * Crops a square around the spread and letterboxes it: the box holds the middle 98 % of the stained pixels
     * (darker than halfway from the median to the darkest half percent, and by at least {@code maskDelta}; faint
     * blood cells are not stained) along each axis, so scattered debris does not widen it, plus a
     * margin of {@value #CROP_MARGIN} of its side on each side; it is never smaller than the input (no upscaling)
     * and never larger than the field. Outside the field the square is padded with background. Without foreground
     * the whole field is letterboxed. Known weakness: a nucleus below the automask size limit, or several dark debris
     * clumps at the far side of the field, hold more than the 1 % tails and widen the box (seen on dense POOR
     * spreads), so those spreads reach the model at a lower scale than others.
     */
    private float[] letterboxSpread(float[] work, int w, int h) {
        Histogram histogram = Histogram.of(work);
        float background = histogram.percentile(50);
        // halfway between the background and the darkest stain: chromosomes, not the faint blood cells
        float cut = Math.min(background - (float) recipe.maskDelta(), (background + histogram.percentile(0.5)) / 2);
        int[] cols = new int[w];
        int[] rows = new int[h];
        int total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (work[y * w + x] < cut) {
                    cols[x]++;
                    rows[y]++;
                    total++;
                }
            }
        }
        if (total == 0) {
            return letterbox(work, w, h, recipe.inputSize());
        }
        int x0 = quantile(cols, total, CROP_TAIL);
        int x1 = quantile(cols, total, 1 - CROP_TAIL);
        int y0 = quantile(rows, total, CROP_TAIL);
        int y1 = quantile(rows, total, 1 - CROP_TAIL);
        int span = Math.max(x1 - x0, y1 - y0) + 1;
        int side = (int) Math.ceil(span * (1 + 2 * CROP_MARGIN));
        side = Math.min(Math.max(w, h), Math.max(recipe.inputSize(), side));
        int left = (x0 + x1 + 1) / 2 - side / 2;
        int top = (y0 + y1 + 1) / 2 - side / 2;
        float[] square = new float[side * side];
        java.util.Arrays.fill(square, background);
        for (int y = Math.max(0, top); y < Math.min(h, top + side); y++) {
            int from = Math.max(0, left);
            int to = Math.min(w, left + side);
            System.arraycopy(work, y * w + from, square, (y - top) * side + from - left, to - from);
        }
        return letterbox(square, side, side, recipe.inputSize());
    }

    /** The first index at which the running count of {@code histogram} exceeds {@code q} of {@code total}. */
    private static int quantile(int[] histogram, int total, double q) {
        long target = (long) Math.floor(q * total);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen > target) {
                return i;
            }
        }
        return histogram.length - 1;
    }

    /** Scales the longer side to {@code size}, centres, and pads with background (1 = white). */
    private static float[] letterbox(float[] src, int w, int h, int size) {
        float[] out = new float[size * size];
        java.util.Arrays.fill(out, 1f);
        double scale = (double) size / Math.max(w, h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        int ox = (size - tw) / 2;
        int oy = (size - th) / 2;
        for (int ty = 0; ty < th; ty++) {
            int y0 = (int) (ty / scale);
            int y1 = Math.min(h, Math.max(y0 + 1, (int) ((ty + 1) / scale)));
            for (int tx = 0; tx < tw; tx++) {
                int x0 = (int) (tx / scale);
                int x1 = Math.min(w, Math.max(x0 + 1, (int) ((tx + 1) / scale)));
                float acc = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        acc += src[y * w + x];
                    }
                }
                out[(oy + ty) * size + ox + tx] = acc / ((y1 - y0) * (x1 - x0));
            }
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
