package org.karyoloop.events;

/** The lab's grading sheet: 100 = GOOD, 80–99 = FAIR, below 80 = POOR (unusable). */
public enum Grade {
    GOOD, FAIR, POOR;

    /** The grade of a 0–100 quality score by the lab's sheet. */
    public static Grade ofScore(int score) {
        if (score >= 100) {
            return GOOD;
        }
        return score >= 80 ? FAIR : POOR;
    }
}
