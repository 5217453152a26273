package org.karyoloop.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.karyoloop.ml.spread.SpreadMeter;

/** Training examples that a measurement model learns in a few epochs, for tests that need a trained model fast. */
public final class ToyExamples {

    private ToyExamples() {
    }

    /**
     * {@code n} toy measurement examples, classes in turn, ten to a slide: each class shifts one of the first three
     * measurements by 2, on noise of 0.3. The same seed gives the same examples.
     */
    public static List<Example> measured(int n, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            float[] f = new float[SpreadMeter.FEATURES];
            for (int k = 0; k < f.length; k++) {
                f[k] = (float) r.nextGaussian() * 0.3f + (k == label ? 2f : 0f);
            }
            out.add(Example.of(f, true, label, 1f, false, "slide-" + (i / 10)));
        }
        return out;
    }
}
