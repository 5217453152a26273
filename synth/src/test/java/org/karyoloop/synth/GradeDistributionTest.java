package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream's grade mix follows the configuration. Tolerances are about 3.5 standard errors of a
 * 2,000-image stream in 200 slides, whose slide-to-slide quality spread inflates the binomial error.
 */
class GradeDistributionTest {

    private static final int IMAGES = 2000;

    @ParameterizedTest
    @ValueSource(strings = {"new", "legacy"})
    void gradeSharesPerDomainMatchTheConfigurationAndFollowSeparationBlurAndCondensation(String domain) {
        GeneratorConfig config = GeneratorConfig.defaults().withSize(256, 256).withDomain(Domain.named(domain))
                .withImagesPerSlide(10).withSeed(7);
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        int matchingPlan = 0;
        int flawed = 0;
        int flawedBySeparationBlurOrCondensation = 0;
        SpreadGenerator generator = new SpreadGenerator(config);
        for (int i = 0; i < IMAGES; i++) {
            SpreadTruth truth = generator.generate(i).truth();
            counts.merge(truth.grade(), 1, Integer::sum);
            if (truth.grade() == truth.plannedGrade()) {
                matchingPlan++;
            }
            if (truth.grade() != Grade.GOOD) {
                flawed++;
                if (java.util.Set.of("separation", "blur", "condensation").contains(truth.mainDefect())) {
                    flawedBySeparationBlurOrCondensation++;
                }
            }
        }
        double good = counts.getOrDefault(Grade.GOOD, 0) / (double) IMAGES;
        double fair = counts.getOrDefault(Grade.FAIR, 0) / (double) IMAGES;
        assertEquals(config.goodShare(), good, 0.02, "GOOD share " + counts);
        assertEquals(config.fairShare(), fair, 0.03, "FAIR share " + counts);
        assertTrue(matchingPlan >= 0.97 * IMAGES, "rendering realises the planned grade: " + matchingPlan);
        assertTrue(flawedBySeparationBlurOrCondensation >= 0.8 * flawed,
                "the grade depends mainly on separation, blur and condensation: "
                        + flawedBySeparationBlurOrCondensation + " of " + flawed);
    }
}
