package org.karyoloop.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The losses on hand-made logits. */
class LossesTest {

    @Test
    void crossEntropyMatchesTheFormulaAndFocalIsSmallerOnConfidentExamples() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray logits = m.create(new float[] {2f, 0f, 0f, 0f, 0f, 3f}, new Shape(2, 3));
            NDArray oneHot = m.create(new float[] {1, 0, 0, 0, 0, 1}, new Shape(2, 3));
            NDArray w = m.create(new float[] {1f, 1f});
            NDArray u = m.create(new float[] {0f, 0f});
            float ce = Losses.loss(LossKind.CROSS_ENTROPY, logits, oneHot, w, u, 2, 2f, 0.1f).getFloat();
            double expected = (-Math.log(Math.exp(2) / (Math.exp(2) + 2)) - Math.log(Math.exp(3) / (Math.exp(3) + 2)))
                    / 2;
            assertThat((double) ce).isCloseTo(expected, within(1e-5));
            float focal = Losses.loss(LossKind.FOCAL, logits, oneHot, w, u, 2, 2f, 0.1f).getFloat();
            assertThat(focal).isLessThan(ce / 10);
        }
    }

    @Test
    void nnpuNegativeRiskIsFlooredAtZeroWhenThePositivesExplainTheUnlabeledRisk() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // Example 0: a labelled GOOD predicted firmly GOOD (high POOR risk for positives).
            // Example 1: an unlabeled legacy negative predicted firmly POOR (tiny unlabeled POOR risk).
            NDArray logits = m.create(new float[] {5f, 0f, 0f, 0f, 0f, 5f}, new Shape(2, 3));
            NDArray oneHot = m.create(new float[] {1, 0, 0, 0, 0, 1}, new Shape(2, 3));
            NDArray w = m.create(new float[] {1f, 1f});
            NDArray u = m.create(new float[] {0f, 1f});
            float nnpu = Losses.loss(LossKind.NNPU, logits, oneHot, w, u, 2, 2f, 0.5f).getFloat();
            // Only the supervised half remains: CE of the GOOD example times the labelled share (1/2).
            double ceGood = Math.log(1 + 2 * Math.exp(-5));
            assertThat((double) nnpu).isCloseTo(ceGood / 2, within(1e-4));
        }
    }
}
