package org.karyoloop.ml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import java.lang.reflect.Proxy;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;

/** The preprocessing translator, without a model: normalisation, blob removal, tensor shape and range. */
class SpreadTranslatorTest {

    private static final int W = 400;
    private static final int H = 300;

    @Test
    void whiteAndGrayBackgroundRenderingsOfTheSameSpreadComeOutClose() {
        Preprocessor preprocessor = new Preprocessor(PreprocessRecipe.standard(96));
        DecodedImage white = render(235, 0.9, 7);
        DecodedImage gray = render(150, 0.45, 7);

        float[] a = preprocessor.apply(white);
        float[] b = preprocessor.apply(gray);

        float[] rawA = new Preprocessor(new PreprocessRecipe(96, 384, false, 0.5, 99.5, false, 0.1, 0.1, false, false))
                .apply(white);
        float[] rawB = new Preprocessor(new PreprocessRecipe(96, 384, false, 0.5, 99.5, false, 0.1, 0.1, false, false))
                .apply(gray);
        assertThat(meanAbsDiff(rawA, rawB)).as("without normalisation").isGreaterThan(0.15);
        assertThat(meanAbsDiff(a, b)).as("with autolevel and automask").isLessThan(0.03);
    }

    @Test
    void automaskRemovesALargeNucleusButKeepsChromosomes() {
        DecodedImage image = render(220, 0.9, 3);
        byte[] px = image.gray().clone();
        for (int y = 100; y < 200; y++) {
            for (int x = 250; x < 350; x++) {
                if ((x - 300) * (x - 300) + (y - 150) * (y - 150) < 45 * 45) {
                    px[y * W + x] = (byte) 60;
                }
            }
        }
        float[] out = new Preprocessor(PreprocessRecipe.standard(100))
                .apply(new DecodedImage(ImageFormat.PNG, W, H, 8, 1, px));
        // 400x300 letterboxed into 100x100: scale 0.25, rows offset by 12.
        assertThat(out[(12 + 150 / 4) * 100 + 300 / 4]).as("nucleus centre").isLessThan(0.05f);
        assertThat(max(out)).as("chromosomes stay").isGreaterThan(0.5f);
    }

    @Test
    void cropToSpreadFillsTheInputWithTheSpreadAndIgnoresFaintCellsAndStrayDebris() {
        byte[] px = new byte[W * H];
        java.util.Arrays.fill(px, (byte) 225);
        // the spread: 16 dark bars inside x 200..345, y 40..205 of a 400x300 field
        for (int c = 0; c < 16; c++) {
            int x0 = 200 + (c % 4) * 45;
            int y0 = 40 + (c / 4) * 45;
            for (int y = y0; y < y0 + 30; y++) {
                for (int x = x0; x < x0 + 10; x++) {
                    px[y * W + x] = (byte) 40;
                }
            }
        }
        // a faint blood cell far away, and one small speck of debris
        for (int y = 200; y < 240; y++) {
            for (int x = 30; x < 70; x++) {
                if ((x - 50) * (x - 50) + (y - 220) * (y - 220) < 20 * 20) {
                    px[y * W + x] = (byte) 200;
                }
            }
        }
        px[280 * W + 10] = (byte) 40;
        DecodedImage image = new DecodedImage(ImageFormat.PNG, W, H, 8, 1, px);

        float[] whole = new Preprocessor(PreprocessRecipe.standard(64)).apply(image);
        float[] cropped = new Preprocessor(PreprocessRecipe.standard(64).withCropToSpread(true)).apply(image);

        assertThat(inkExtent(whole, 64)).as("the spread in the whole field").isLessThan(28);
        assertThat(inkExtent(cropped, 64)).as("the spread after the crop").isGreaterThan(48);
    }

    /** Columns between the first and last column holding a pixel above half intensity. */
    private static int inkExtent(float[] v, int size) {
        int first = size;
        int last = -1;
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0.5f) {
                first = Math.min(first, i % size);
                last = Math.max(last, i % size);
            }
        }
        return last - first + 1;
    }

    @Test
    void tensorIsOneChannelOfInputSizeWithValuesInZeroToOne() {
        SpreadTranslator translator = new SpreadTranslator(PreprocessRecipe.standard(64), 3);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDList in = translator.processInput(context(manager), SpreadInput.of(render(180, 0.6, 11)));
            assertThat(in.singletonOrThrow().getShape()).isEqualTo(new Shape(1, 64, 64));
            float[] values = in.singletonOrThrow().toFloatArray();
            assertThat(min(values)).isGreaterThanOrEqualTo(0f);
            assertThat(max(values)).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);

            float[] probabilities = translator.processOutput(context(manager),
                    new NDList(manager.create(new float[] {2f, 0f, -1f})));
            assertThat(probabilities).hasSize(3);
            assertThat(probabilities[0] + probabilities[1] + probabilities[2]).isCloseTo(1f,
                    org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(probabilities[0]).isGreaterThan(probabilities[1]);
        }
    }

    @Test
    void preparedAndRawInputsGiveTheSameTensor() {
        SpreadTranslator translator = new SpreadTranslator(PreprocessRecipe.standard(64), 3);
        DecodedImage image = render(200, 0.7, 5);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float[] raw = translator.processInput(context(manager), SpreadInput.of(image)).get(0).toFloatArray();
            float[] prepared = translator.processInput(context(manager), translator.prepare(image)).get(0)
                    .toFloatArray();
            assertThat(prepared).containsExactly(raw);
            assertThatThrownBy(() -> translator.processInput(context(manager), SpreadInput.prepared(new float[3])))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A synthetic spread: background level, chromosome darkness relative to it, the same layout per seed. */
    static DecodedImage render(int background, double contrast, long seed) {
        Random layout = new Random(seed);
        Random noise = new Random(seed + 1);
        byte[] px = new byte[W * H];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, background + noise.nextGaussian() * 3));
        }
        int ink = (int) (background * (1 - contrast));
        for (int c = 0; c < 40; c++) {
            int x0 = 20 + layout.nextInt(W - 60);
            int y0 = 20 + layout.nextInt(H - 60);
            boolean vertical = layout.nextBoolean();
            int length = 10 + layout.nextInt(25);
            for (int t = 0; t < length; t++) {
                for (int s = 0; s < 4; s++) {
                    int x = vertical ? x0 + s : x0 + t;
                    int y = vertical ? y0 + t : y0 + s;
                    px[y * W + x] = (byte) ink;
                }
            }
        }
        return new DecodedImage(ImageFormat.PNG, W, H, 8, 1, px);
    }

    private static double meanAbsDiff(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            m = Math.max(m, f);
        }
        return m;
    }

    private static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float f : v) {
            m = Math.min(m, f);
        }
        return m;
    }

    private static TranslatorContext context(NDManager manager) {
        return (TranslatorContext) Proxy.newProxyInstance(SpreadTranslatorTest.class.getClassLoader(),
                new Class<?>[] {TranslatorContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getNDManager", "getPredictorManager" -> manager;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
