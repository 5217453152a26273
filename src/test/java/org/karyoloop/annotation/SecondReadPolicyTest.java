package org.karyoloop.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.data.SlideSplit;

/** Held-out slides are read twice, so thresholds are calibrated on adjudicated labels; the rest follow the share. */
class SecondReadPolicyTest {

    private final SlideSplit split = new SlideSplit("salt", 0.2, 0.2);

    @Test
    void everyImageOfAValidationOrEvaluationSlideIsReadTwiceAndTrainingSlidesFollowTheShare() {
        int heldOut = 0;
        int trainingTwice = 0;
        int training = 0;
        for (int s = 0; s < 2_000; s++) {
            String slide = "slide-" + s;
            UUID image = UUID.randomUUID();
            int reads = SecondReadPolicy.readsFor(image, slide, 0.1, split);
            if (split.partOf(slide) != SlideSplit.Part.TRAIN) {
                heldOut++;
                assertThat(reads).as(slide).isEqualTo(2);
            } else {
                training++;
                trainingTwice += reads == 2 ? 1 : 0;
                assertThat(reads).isEqualTo(SecondReadPolicy.readsFor(image, 0.1));
            }
        }
        assertThat(heldOut / 2_000.0).isBetween(0.35, 0.45);
        assertThat(trainingTwice / (double) training).isBetween(0.07, 0.13);
    }

    @Test
    void withoutTheHeldOutRuleOnlyTheShareDecides() {
        UUID image = UUID.randomUUID();

        assertThat(SecondReadPolicy.readsFor(image, "slide-1", 0.0, null)).isEqualTo(1);
        assertThat(SecondReadPolicy.readsFor(image, "slide-1", 1.0, null)).isEqualTo(2);
    }
}
