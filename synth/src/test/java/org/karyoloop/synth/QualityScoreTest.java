package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QualityScoreTest {

    private static QualityScore clean() {
        return QualityScore.of(46, 0, 0, 0, 0.8, 0.4, 1.0);
    }

    @Test
    void gradesFollowTheLabsSheet() {
        assertEquals(Grade.GOOD, Grade.fromScore(100));
        assertEquals(Grade.FAIR, Grade.fromScore(99));
        assertEquals(Grade.FAIR, Grade.fromScore(80));
        assertEquals(Grade.POOR, Grade.fromScore(79));
        assertEquals(Grade.POOR, Grade.fromScore(0));
    }

    @Test
    void aCleanCompleteSharpSpreadScoresAHundred() {
        assertEquals(100, clean().score());
        assertEquals(Grade.GOOD, clean().grade());
        assertEquals("none", clean().mainDefect());
    }

    @Test
    void oneTouchingPairCostsTheGoodGrade() {
        QualityScore score = QualityScore.of(46, 1, 0, 0, 0.8, 0.4, 1.0);
        assertEquals(94, score.score());
        assertEquals(Grade.FAIR, score.grade());
        assertEquals("separation", score.mainDefect());
    }

    @Test
    void twoOverlapsMakeASpreadPoor() {
        assertEquals(Grade.POOR, QualityScore.of(46, 0, 2, 0, 0.8, 0.4, 1.0).grade());
    }

    @Test
    void anyBlurBeyondTheSharpLimitCostsTheGoodGradeAndLotsOfItMakesPoor() {
        assertEquals(100, QualityScore.of(46, 0, 0, 0, 1.0, 0.4, 1.0).score());
        assertEquals(Grade.FAIR, QualityScore.of(46, 0, 0, 0, 1.01, 0.4, 1.0).grade());
        assertEquals(Grade.POOR, QualityScore.of(46, 0, 0, 0, 2.1, 0.4, 1.0).grade());
    }

    @Test
    void condensationOutsideTheIdealRangeAndMissingChromosomesCostPoints() {
        assertEquals(100, QualityScore.of(46, 0, 0, 0, 0.8, 0.4, 0.85).score());
        assertEquals(90, QualityScore.of(46, 0, 0, 0, 0.8, 0.4, 0.75).score());
        assertEquals(92, QualityScore.of(44, 0, 0, 0, 0.8, 0.4, 1.0).score());
        assertEquals(Grade.POOR, QualityScore.of(40, 0, 0, 0, 0.8, 0.4, 1.0).grade());
    }

    @Test
    void chromosomesUnderCellsCostPointsButCellsAloneDoNot() {
        assertEquals(92, QualityScore.of(46, 0, 0, 1, 0.8, 0.4, 1.0).score());
    }

    @Test
    void faintStainCostsPoints() {
        assertEquals(Grade.POOR, QualityScore.of(46, 0, 0, 0, 0.8, 0.15, 1.0).grade());
    }
}
