package org.karyoloop.ml.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.data.SlideSplit.Part;

class SlideSplitTest {

    @Test
    void sharesAreRoughlyAsConfiguredAndStableForTheSameSalt() {
        SlideSplit split = new SlideSplit("s", 0.2, 0.2);
        Map<Part, Integer> counts = new EnumMap<>(Part.class);
        for (int i = 0; i < 5000; i++) {
            counts.merge(split.partOf("slide-" + i), 1, Integer::sum);
            assertThat(split.partOf("slide-" + i)).isEqualTo(new SlideSplit("s", 0.2, 0.2).partOf("slide-" + i));
        }
        assertThat(counts.get(Part.TEST)).isBetween(900, 1100);
        assertThat(counts.get(Part.VALIDATION)).isBetween(900, 1100);
    }

    @Test
    void growingTheValidationShareNeverMovesATestSlide() {
        SlideSplit small = new SlideSplit("s", 0.1, 0.2);
        SlideSplit large = new SlideSplit("s", 0.3, 0.2);
        for (int i = 0; i < 2000; i++) {
            if (small.partOf("slide-" + i) == Part.TEST) {
                assertThat(large.partOf("slide-" + i)).isEqualTo(Part.TEST);
            }
        }
    }
}
