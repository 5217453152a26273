package org.karyoloop.synth;

/**
 * What is really in one generated image, measured from its masks, with the score and grade the
 * lab's sheet gives it.
 *
 * @param chromosomes chromosomes in the field (46 in a complete spread)
 * @param completeness share of a complete set present, min(chromosomes, 46) / 46
 * @param touchingPairs pairs of chromosomes whose masks touch without overlapping
 * @param overlappingPairs pairs of chromosomes whose masks overlap
 * @param coveredChromosomes chromosomes with at least a fifth of their area under a nucleus or blood cell
 * @param blur focus blur, Gaussian sigma in reference pixels (1024-pixel frame, scale 1)
 * @param contrast stain contrast of the chromosomes against the background, 1 - transmitted share
 * @param condensation chromosome length as a multiple of the 550-band reference length
 * @param meanChromosomeLength mean chromosome length in this image's pixels
 * @param nuclei interphase nuclei in the field
 * @param bloodCells red blood cells in the field
 * @param debris specks of debris in the field
 * @param whiteBackground whether the background is white (else gray)
 * @param backgroundLevel background gray level at the centre of illumination (0–255)
 * @param noise sensor noise, standard deviation in gray levels
 * @param plannedGrade the grade the generator aimed at (the measured one below is the truth)
 * @param mainDefect the factor that cost the most points, or "none"
 * @param score the lab sheet's score, 0–100
 * @param grade the true grade: 100 GOOD, 80–99 FAIR, below 80 POOR
 */
public record SpreadTruth(
        int chromosomes,
        double completeness,
        int touchingPairs,
        int overlappingPairs,
        int coveredChromosomes,
        double blur,
        double contrast,
        double condensation,
        double meanChromosomeLength,
        int nuclei,
        int bloodCells,
        int debris,
        boolean whiteBackground,
        double backgroundLevel,
        double noise,
        Grade plannedGrade,
        String mainDefect,
        int score,
        Grade grade) {
}
