package org.karyoloop.synth;

/**
 * The lab's scoring sheet as a formula: 100 minus deductions for separation, blur, condensation,
 * completeness, chromosomes covered by cells, and faint stain.
 *
 * @param separation deduction for touching and overlapping chromosome pairs
 * @param blur deduction for focus blur beyond what banding tolerates
 * @param condensation deduction for chromosomes too short (over-condensed) or too long
 * @param completeness deduction for chromosomes missing from, or extra to, a 46-chromosome spread
 * @param coverage deduction for chromosomes hidden under nuclei or blood cells
 * @param contrast deduction for faint chromosomes
 * @param score the sheet's score, 0–100
 */
public record QualityScore(
        double separation,
        double blur,
        double condensation,
        double completeness,
        double coverage,
        double contrast,
        int score) {

    /** Chromosomes in a complete human spread. */
    public static final int COMPLETE_COUNT = 46;
    /** Points lost per pair of chromosomes that touch. */
    public static final double PER_TOUCH = 6;
    /** Points lost per pair of chromosomes that overlap. */
    public static final double PER_OVERLAP = 12;
    /** Points lost per chromosome covered by a nucleus or blood cell. */
    public static final double PER_COVERED = 8;
    /** Points lost per chromosome missing or extra. */
    public static final double PER_COUNT_ERROR = 4;
    /** Focus blur (Gaussian sigma, reference pixels) up to which bands stay sharp. */
    public static final double SHARP_BLUR = 1.0;
    /** Points lost per reference pixel of blur beyond {@link #SHARP_BLUR}. */
    public static final double PER_BLUR = 20;
    /** Condensation (length relative to the 550-band reference) that the lab finds ideal. */
    public static final double CONDENSATION_MIN = 0.85;
    /** Upper end of the ideal condensation. */
    public static final double CONDENSATION_MAX = 1.25;
    /** Points lost per unit of condensation outside the ideal range. */
    public static final double PER_CONDENSATION = 100;
    /** Chromosome contrast against the background below which bands are hard to read. */
    public static final double MIN_CONTRAST = 0.3;
    /** Points lost per unit of contrast below {@link #MIN_CONTRAST}. */
    public static final double PER_CONTRAST = 300;

    /** Scores a spread from its factors. */
    public static QualityScore of(int count, int touches, int overlaps, int covered, double blur,
            double contrast, double condensation) {
        double separation = PER_TOUCH * touches + PER_OVERLAP * overlaps;
        double blurDeduction = PER_BLUR * Math.max(0, blur - SHARP_BLUR);
        double condensationDeduction = PER_CONDENSATION
                * Math.max(0, Math.max(CONDENSATION_MIN - condensation, condensation - CONDENSATION_MAX));
        double completeness = PER_COUNT_ERROR * Math.abs(count - COMPLETE_COUNT);
        double coverage = PER_COVERED * covered;
        double contrastDeduction = PER_CONTRAST * Math.max(0, MIN_CONTRAST - contrast);
        double total = separation + blurDeduction + condensationDeduction + completeness + coverage
                + contrastDeduction;
        // Ceil: any deduction at all, however small, costs the spread its GOOD.
        int score = (int) Math.max(0, 100 - Math.ceil(total - 1e-9));
        return new QualityScore(separation, blurDeduction, condensationDeduction, completeness, coverage,
                contrastDeduction, score);
    }

    /** The grade of this score on the lab's sheet. */
    public Grade grade() {
        return Grade.fromScore(score);
    }

    /** The factor that cost the most points, or "none". */
    public String mainDefect() {
        String[] names = {"separation", "blur", "condensation", "completeness", "coverage", "contrast"};
        double[] values = {separation, blur, condensation, completeness, coverage, contrast};
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > 0 && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best < 0 ? "none" : names[best];
    }
}
