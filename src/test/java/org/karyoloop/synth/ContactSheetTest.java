package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ContactSheetTest {

    @Test
    void overviewHasARowPerDomainAndGradeAndExamplesOfTheRightGrade() {
        ContactSheet sheet = new ContactSheet(128, 64, 2, 1);
        BufferedImage overview = sheet.overview();
        assertEquals(6 * (64 + 16 + 4), overview.getHeight());
        for (Grade grade : Grade.values()) {
            var examples = sheet.examples("new", grade);
            assertEquals(2, examples.size());
            assertTrue(examples.stream().allMatch(i -> i.truth().grade() == grade));
        }
    }
}
