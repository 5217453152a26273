package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelGradeTest {

    @Test
    void completeSeparateCellIsGood() {
        QualityScore s = LabelGrade.of(46, 0, 0, 46);
        assertEquals(100, s.score());
        assertEquals(Grade.GOOD, s.grade());
    }

    @Test
    void completenessCountsAgainstTheCasesOwnKaryotype() {
        assertEquals(Grade.GOOD, LabelGrade.of(45, 0, 0, 45).grade());
        QualityScore missingOne = LabelGrade.of(45, 0, 0, 46);
        assertEquals(96, missingOne.score());
        assertEquals("completeness", missingOne.mainDefect());
    }

    @Test
    void touchingAndOverlappingPairsCostWhatTheyCostSyntheticSpreads() {
        QualityScore s = LabelGrade.of(46, 1, 1, 46);
        assertEquals(100 - 6 - 12, s.score());
        assertEquals(Grade.FAIR, s.grade());
    }

    @Test
    void aCompleteCountThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LabelGrade.of(46, 0, 0, 0));
    }

    @Test
    void completeCountIsTheKaryotypesFirstNumber() {
        assertEquals(46, LabelGrade.completeCount("46,XY"));
        assertEquals(45, LabelGrade.completeCount("45,XY,-2\n"));
        assertThrows(IllegalArgumentException.class, () -> LabelGrade.completeCount("XY"));
    }
}
