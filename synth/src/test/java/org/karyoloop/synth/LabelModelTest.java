package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelModelTest {

    private static final int DRAWS = 20_000;

    @Test
    void legacyLabelsFileAboutTwoInFiveAcceptableSpreadsAsPoor() {
        LabelModel legacy = LabelModel.named("legacy");
        SplittableRandom random = new SplittableRandom(1);
        int poor = 0;
        for (int i = 0; i < DRAWS; i++) {
            Grade trueGrade = i % 2 == 0 ? Grade.GOOD : Grade.FAIR;
            Grade label = legacy.label(trueGrade, trueGrade == Grade.GOOD ? 100 : 90, random);
            if (label == Grade.POOR) {
                poor++;
            } else {
                assertEquals(trueGrade, label, "a kept label is the true one");
            }
        }
        assertEquals(0.4, poor / (double) DRAWS, 0.015);
    }

    @Test
    void legacyLabelsNeverCallAPoorSpreadAcceptable() {
        LabelModel legacy = new LegacyLabelModel(0.4);
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Grade.POOR, legacy.label(Grade.POOR, 50, random));
        }
    }

    @Test
    void doctorAgreesWithTheTruthAboutNineTimesInTen() {
        DoctorLabelModel doctor = DoctorLabelModel.typical();
        SplittableRandom random = new SplittableRandom(3);
        int agree = 0;
        for (int i = 0; i < DRAWS; i++) {
            Grade trueGrade = Grade.values()[i % 3];
            if (doctor.label(trueGrade, trueGrade == Grade.GOOD ? 100 : trueGrade == Grade.FAIR ? 90 : 40,
                    random) == trueGrade) {
                agree++;
            }
        }
        assertEquals(0.9, agree / (double) DRAWS, 0.01);
    }

    @Test
    void doctorDisagreementsAreMostlyToTheAdjacentGrade() {
        DoctorLabelModel doctor = new DoctorLabelModel(0.5, 0.9);
        SplittableRandom random = new SplittableRandom(4);
        int disagreements = 0;
        int adjacent = 0;
        for (int i = 0; i < DRAWS; i++) {
            Grade label = doctor.label(Grade.GOOD, 100, random);
            if (label != Grade.GOOD) {
                disagreements++;
                if (label == Grade.FAIR) {
                    adjacent++;
                }
            }
        }
        assertEquals(0.9, adjacent / (double) disagreements, 0.02);
    }

    @Test
    void aDoubtfulDoctorTipsAFairSpreadTowardsTheNearerBoundary() {
        DoctorLabelModel doctor = new DoctorLabelModel(1.0, 0.9);
        SplittableRandom random = new SplittableRandom(5);
        int goodNearTop = 0;
        int goodNearBottom = 0;
        for (int i = 0; i < 2000; i++) {
            goodNearTop += doctor.label(Grade.FAIR, 98, random) == Grade.GOOD ? 1 : 0;
            goodNearBottom += doctor.label(Grade.FAIR, 81, random) == Grade.GOOD ? 1 : 0;
        }
        assertTrue(goodNearTop > 1700 && goodNearBottom < 300, goodNearTop + " / " + goodNearBottom);
    }

    @Test
    void unknownLabelModelIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LabelModel.named("oracle"));
    }
}
