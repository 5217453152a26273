package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.karyoloop.ml.spread.LabelTruth;

class LabelGradeTest {

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
    void completeSeparateCellIsGood() {
        QualityScore s = LabelGrade.of(LabelTruth.of(rods(46), 200, 40), 46);
        assertEquals(100, s.score());
        assertEquals(Grade.GOOD, s.grade());
    }

    @Test
    void completenessCountsAgainstTheCasesOwnKaryotype() {
        LabelTruth fortyFive = LabelTruth.of(rods(45), 200, 40);
        assertEquals(Grade.GOOD, LabelGrade.of(fortyFive, 45).grade());
        QualityScore missingOne = LabelGrade.of(fortyFive, 46);
        assertEquals(96, missingOne.score());
        assertEquals("completeness", missingOne.mainDefect());
    }

    @Test
    void touchingAndOverlappingPairsCostWhatTheyCostSyntheticSpreads() {
        int[] labels = rods(46);
        // rod 2 grows right until it meets rod 3 (a touch); an overlap patch joins rods 5 and 6
        for (int y = 5; y < 11; y++) {
            labels[y * 200 + 6] = 2;
            labels[y * 200 + 7] = 2;
            labels[y * 200 + 18] = LabelTruth.OVERLAP;
            labels[y * 200 + 19] = LabelTruth.OVERLAP;
        }
        LabelTruth truth = LabelTruth.of(labels, 200, 40);
        assertEquals(1, truth.touchingPairs());
        assertEquals(1, truth.overlappingPairs());
        QualityScore s = LabelGrade.of(truth, 46);
        assertEquals(100 - 6 - 12, s.score());
        assertEquals(Grade.FAIR, s.grade());
    }

    @Test
    void completeCountIsTheKaryotypesFirstNumber() {
        assertEquals(46, LabelGrade.completeCount("46,XY"));
        assertEquals(45, LabelGrade.completeCount("45,XY,-2\n"));
        assertThrows(IllegalArgumentException.class, () -> LabelGrade.completeCount("XY"));
    }
}
