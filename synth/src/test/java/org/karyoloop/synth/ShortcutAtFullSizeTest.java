package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shortcut guards at the default 1024x1024 size, where the pixels carry more detail (about a minute). */
@Tag("slow")
class ShortcutAtFullSizeTest {

    @Test
    void atFullSizeLegacyKeepsItsShortcutAndNewOffersNone() {
        RealismAudit.Shortcut legacy = RealismAudit.shortcut(Domain.legacy(), 600, 1024, 11);
        RealismAudit.Shortcut fresh = RealismAudit.shortcut(Domain.newMicroscopes(), 600, 1024, 11);
        assertTrue(legacy.backgroundAuc() >= 0.8, legacy.toString());
        assertTrue(Math.abs(fresh.backgroundAuc() - 0.5) <= 0.1, fresh.toString());
        assertTrue(fresh.bestFeatureAuc() <= ShortcutTest.GLOBAL_STATISTICS_MAX_AUC, fresh.toString());
        assertTrue(fresh.logisticAuc() <= ShortcutTest.GLOBAL_STATISTICS_MAX_AUC, fresh.toString());
    }
}
