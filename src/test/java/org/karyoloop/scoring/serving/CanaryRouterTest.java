package org.karyoloop.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canary split: weighted within tolerance, sticky per image, shadow sampled independently. */
class CanaryRouterTest {

    private static final List<UUID> IDS = new ArrayList<>();

    static {
        for (int i = 0; i < 20_000; i++) {
            IDS.add(UUID.randomUUID());
        }
    }

    @Test
    void canaryGetsItsWeightWithinTolerance() {
        for (int weight : new int[] {1, 10, 25, 50, 90}) {
            long canary = IDS.stream().filter(id -> CanaryRouter.inCanary(id, weight)).count();
            // 20,000 draws: 4 standard deviations of a binomial at 50 % is about 1.4 points.
            assertThat(100.0 * canary / IDS.size()).as("weight %d", weight).isCloseTo(weight,
                    org.assertj.core.data.Offset.offset(1.5));
        }
        assertThat(IDS.stream().noneMatch(id -> CanaryRouter.inCanary(id, 0))).isTrue();
        assertThat(IDS.stream().allMatch(id -> CanaryRouter.inCanary(id, 100))).isTrue();
    }

    @Test
    void theSameImageAlwaysGoesToTheSameArmAndSlicesGrowMonotonically() {
        for (UUID id : IDS.subList(0, 2_000)) {
            UUID copy = UUID.fromString(id.toString());
            assertThat(CanaryRouter.inCanary(copy, 30)).isEqualTo(CanaryRouter.inCanary(id, 30));
            // Raising the weight only adds images to the canary: none switches back to stable.
            if (CanaryRouter.inCanary(id, 10)) {
                assertThat(CanaryRouter.inCanary(id, 30)).isTrue();
            }
        }
    }

    @Test
    void shadowSampleIsIndependentOfTheCanarySlice() {
        long canary = IDS.stream().filter(id -> CanaryRouter.inCanary(id, 50)).count();
        long both = IDS.stream().filter(id -> CanaryRouter.inCanary(id, 50) && CanaryRouter.inShadow(id, 20)).count();
        assertThat(100.0 * both / canary).isCloseTo(20.0, org.assertj.core.data.Offset.offset(2.0));
    }
}
