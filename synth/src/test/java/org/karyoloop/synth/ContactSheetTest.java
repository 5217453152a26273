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
        // legacy, new, fluorescence and fluorescence-inverted, three grades each
        assertEquals(12 * (64 + 16 + 4), overview.getHeight());
        for (String domain : new String[] {"new", "fluorescence"}) {
            for (Grade grade : Grade.values()) {
                var examples = sheet.examples(domain, grade);
                assertEquals(2, examples.size(), domain + " " + grade);
                assertTrue(examples.stream().allMatch(i -> i.truth().grade() == grade));
            }
        }
    }
}
