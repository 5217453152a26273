package org.karyoloop.synth;

/**
 * The factors a spread is drawn from before rendering; the rendered masks, not this plan, decide
 * its truth.
 *
 * @param target the grade the plan aims at
 * @param count chromosomes in the spread
 * @param touches pairs of chromosomes placed touching
 * @param overlaps pairs of chromosomes placed crossing
 * @param covered chromosomes placed under a nucleus
 * @param blur focus blur, Gaussian sigma in reference pixels
 * @param condensation chromosome length as a multiple of the 550-band reference length
 * @param stain multiplier on the stain's absorbance
 * @param sizeFactor magnification jitter of this field, independent of grade
 * @param spreadDensity share of the spread's disc covered by chromosomes
 * @param white whether the background is white (else gray)
 * @param backgroundLevel background gray level at the centre of the field (0–255)
 * @param nuclei interphase nuclei in the field
 * @param bloodCells red blood cells in the field
 * @param debris specks of debris in the field
 * @param noise sensor noise, standard deviation in gray levels
 * @param vignette darkening of the corners against the centre, a fraction
 */
public record SpreadPlan(
        Grade target,
        int count,
        int touches,
        int overlaps,
        int covered,
        double blur,
        double condensation,
        double stain,
        double sizeFactor,
        double spreadDensity,
        boolean white,
        double backgroundLevel,
        int nuclei,
        int bloodCells,
        int debris,
        double noise,
        double vignette) {

    /** The score this plan would get if rendering realised it exactly, with the given contrast. */
    public QualityScore plannedScore(double contrast) {
        return QualityScore.of(count, touches, overlaps, covered, blur, contrast, condensation);
    }
}
