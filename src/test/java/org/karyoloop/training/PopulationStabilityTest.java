package org.karyoloop.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PopulationStabilityTest {

    @Test
    void sameDistributionIsStableAndAWhiteToGrayBackgroundShiftIsNot() {
        long[] white = histogram(236, 1000);
        long[] whiteAgain = histogram(236, 300);
        long[] gray = histogram(190, 300);
        assertThat(PopulationStability.index(white, whiteAgain)).isLessThan(0.01);
        assertThat(PopulationStability.index(white, gray)).isGreaterThan(0.25);
    }

    @Test
    void anEmptySampleMeansNoEvidence() {
        assertThat(PopulationStability.index(new long[PopulationStability.BINS], histogram(190, 10))).isZero();
    }

    private static long[] histogram(int level, int n) {
        long[] h = new long[PopulationStability.BINS];
        for (int i = 0; i < n; i++) {
            h[PopulationStability.bin(level + (i % 7) - 3)]++;
        }
        return h;
    }
}
