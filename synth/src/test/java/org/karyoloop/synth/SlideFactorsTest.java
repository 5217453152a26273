package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlideFactorsTest {

    private static final GeneratorConfig CONFIG = GeneratorConfig.defaults().withSize(256, 256).withImagesPerSlide(20);

    @Test
    void consecutiveImagesShareASlideAndItsFactors() {
        SpreadGenerator generator = new SpreadGenerator(CONFIG);
        SyntheticImage first = generator.generate(0);
        SyntheticImage last = generator.generate(19);
        SyntheticImage next = generator.generate(20);
        assertEquals(first.slide(), last.slide());
        assertNotEquals(first.slide().slideId(), next.slide().slideId());
        assertEquals(SlideFactors.of(CONFIG, 1), next.slide());
        assertSame(generator.slideOf(25), generator.slideOf(26));
    }

    @Test
    void slideIdsAreUniqueAcrossSeedsAndDomains() {
        Set<String> ids = new HashSet<>();
        for (Domain domain : new Domain[] {Domain.legacy(), Domain.newMicroscopes()}) {
            for (long seed = 1; seed <= 3; seed++) {
                for (long slide = 0; slide < 50; slide++) {
                    assertTrue(ids.add(SlideFactors.of(CONFIG.withDomain(domain).withSeed(seed), slide).slideId()));
                }
            }
        }
    }

    @Test
    void qualityIsCorrelatedWithinSlides() {
        // Share of acceptable spreads per slide varies far more than binomial noise would make it.
        int slides = 400;
        int perSlide = 40;
        GeneratorConfig config = CONFIG.withImagesPerSlide(perSlide);
        double sum = 0;
        double squares = 0;
        for (int s = 0; s < slides; s++) {
            SlideFactors slide = SlideFactors.of(config, s);
            java.util.SplittableRandom random = new java.util.SplittableRandom(s);
            int acceptable = 0;
            for (int i = 0; i < perSlide; i++) {
                if (slide.drawGrade(random).acceptable()) {
                    acceptable++;
                }
            }
            double share = acceptable / (double) perSlide;
            sum += share;
            squares += share * share;
        }
        double mean = sum / slides;
        double variance = squares / slides - mean * mean;
        double binomial = mean * (1 - mean) / perSlide;
        assertTrue(variance > 2 * binomial, "between-slide variance " + variance + " vs binomial " + binomial);
        assertEquals(config.goodShare() + config.fairShare(), mean, 0.03);
    }

    @Test
    void slidesAlikeWhenQualitySpreadIsZero() {
        GeneratorConfig alike = CONFIG.withSlideQualitySpread(0);
        assertEquals(alike.goodShare(), SlideFactors.of(alike, 3).goodProbability(), 1e-12);
        assertEquals(alike.goodShare(), SlideFactors.of(alike, 9).goodProbability(), 1e-12);
    }
}
