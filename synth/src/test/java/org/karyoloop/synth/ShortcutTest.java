package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The legacy archive carries the white-background shortcut and the new microscopes do not; on the
 * new domain no classifier on global image statistics can grade, so a model has to look at the
 * chromosomes. Each domain: 700 images at 256x256 with GOOD boosted to 30% (about 200 GOOD and 330
 * POOR; the standard error of an AUC is then about 0.025).
 */
class ShortcutTest {

    /**
     * Bound on global statistics on the new domain. The best of 40 features picked after the fact
     * reaches about 0.58 on pure noise at this sample size; 0.70 leaves room for the weak, honest
     * traces that blur and overlaps leave in a histogram, while any feature that grades nearly as
     * well as the legacy background shortcut (0.8+) fails.
     */
    static final double GLOBAL_STATISTICS_MAX_AUC = 0.70;

    private static RealismAudit.Shortcut legacy;
    private static RealismAudit.Shortcut fresh;

    @BeforeAll
    static void measure() {
        legacy = RealismAudit.shortcut(Domain.legacy(), 700, 256, 11);
        fresh = RealismAudit.shortcut(Domain.newMicroscopes(), 700, 256, 11);
    }

    @Test
    void legacyBackgroundAloneSeparatesGoodFromPoor() {
        assertTrue(legacy.backgroundAuc() >= 0.8, legacy.toString());
    }

    @Test
    void newBackgroundAloneIsNearChance() {
        assertTrue(Math.abs(fresh.backgroundAuc() - 0.5) <= 0.1, fresh.toString());
    }

    @Test
    void noSingleGlobalStatisticSeparatesGoodFromPoorOnNew() {
        assertTrue(fresh.bestFeatureAuc() <= GLOBAL_STATISTICS_MAX_AUC, fresh.toString());
    }

    @Test
    void logisticRegressionOnGlobalStatisticsCannotGradeNewImages() {
        assertTrue(fresh.logisticAuc() <= GLOBAL_STATISTICS_MAX_AUC, fresh.toString());
    }

    @Test
    void logisticRegressionOnGlobalStatisticsLearnsTheLegacyShortcut() {
        assertTrue(legacy.logisticAuc() >= 0.8, legacy.toString());
    }
}
