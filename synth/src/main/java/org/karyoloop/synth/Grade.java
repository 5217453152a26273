package org.karyoloop.synth;

/** The lab's grade of a metaphase spread, derived from its 0–100 score on the lab's sheet. */
public enum Grade {
    GOOD,
    FAIR,
    POOR;

    /** Lowest score that still grades FAIR; below it a spread is POOR (unusable). */
    public static final int FAIR_MIN_SCORE = 80;

    /** Only a perfect sheet grades GOOD. */
    public static final int GOOD_SCORE = 100;

    /** Maps a score on the lab's sheet to its grade: 100 GOOD, 80–99 FAIR, below 80 POOR. */
    public static Grade fromScore(int score) {
        if (score >= GOOD_SCORE) {
            return GOOD;
        }
        return score >= FAIR_MIN_SCORE ? FAIR : POOR;
    }

    /** Whether a doctor would keep the spread (GOOD or FAIR). */
    public boolean acceptable() {
        return this != POOR;
    }
}
