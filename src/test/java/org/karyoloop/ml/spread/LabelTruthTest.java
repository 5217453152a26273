package org.karyoloop.ml.spread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabelTruthTest {

    /** A label raster of {@code count} separate 2 x 6 rods of classes 1..count, 4 px apart, on a 200 x 40 field. */
    private static int[] rods(int count) {
        int[] labels = new int[200 * 40];
        for (int k = 0; k < count; k++) {
            for (int y = 5; y < 11; y++) {
                for (int x = 4 * k; x < 4 * k + 2; x++) {
                    labels[y * 200 + x] = k + 1;
                }
            }
        }
        return labels;
    }

    @Test
    void separateRodsAreChromosomesWithNoPairs() {
        LabelTruth truth = LabelTruth.of(rods(46), 200, 40);
        assertEquals(46, truth.chromosomes());
        assertEquals(0, truth.touchingPairs());
        assertEquals(0, truth.overlappingPairs());
    }

    @Test
    void aRodGrownIntoItsNeighbourTouchesAndAnOverlapPatchJoinsTwo() {
        int[] labels = rods(46);
        // rod 2 grows right until it meets rod 3 (a touch); an overlap patch joins rods 5 and 6
        for (int y = 5; y < 11; y++) {
            labels[y * 200 + 6] = 2;
            labels[y * 200 + 7] = 2;
            labels[y * 200 + 18] = LabelTruth.OVERLAP;
            labels[y * 200 + 19] = LabelTruth.OVERLAP;
        }
        LabelTruth truth = LabelTruth.of(labels, 200, 40);
        assertEquals(46, truth.chromosomes());
        assertEquals(1, truth.touchingPairs());
        assertEquals(1, truth.overlappingPairs());
    }
}
