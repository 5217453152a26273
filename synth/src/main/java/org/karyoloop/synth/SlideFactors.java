package org.karyoloop.synth;

import java.util.SplittableRandom;

/**
 * What every image of one slide shares: culture quality (its odds of good spreads), stain,
 * condensation (colcemid exposure), background level and the patient's sex chromosomes.
 *
 * @param slideId the slide's id, unique across seeds and domains
 * @param index the slide's number in the stream
 * @param goodProbability chance that a spread of this slide is GOOD
 * @param fairProbability chance that a spread of this slide is FAIR
 * @param stain multiplier on the absorbance of the Giemsa stain (1 = reference)
 * @param condensation mean chromosome length as a multiple of the reference (550-band) length
 * @param grayLevel this slide's gray background level (0–255)
 * @param whiteLevel this slide's white background level (0–255)
 * @param male whether the patient is 46,XY (else 46,XX)
 */
public record SlideFactors(
        String slideId,
        long index,
        double goodProbability,
        double fairProbability,
        double stain,
        double condensation,
        double grayLevel,
        double whiteLevel,
        boolean male) {

    /** The factors of slide {@code index} of the stream configured by {@code config}. */
    public static SlideFactors of(GeneratorConfig config, long index) {
        SplittableRandom random = Seeds.random(config.streamSeed(), index, Seeds.SLIDE);
        double spread = config.slideQualitySpread();
        // Log-normal with mean 1, so the stream's shares equal the configured ones on average.
        double quality = StrictMath.exp(spread * random.nextGaussian() - spread * spread / 2);
        double good = config.goodShare() * quality;
        double fair = config.fairShare() * quality;
        double usable = good + fair;
        if (usable > 0.9) {
            good *= 0.9 / usable;
            fair *= 0.9 / usable;
        }
        Domain domain = config.domain();
        String id = String.format("%s-%d-s%05d", domain.name(), config.seed(), index);
        return new SlideFactors(
                id,
                index,
                good,
                fair,
                0.85 + 0.3 * random.nextDouble(),
                0.92 + 0.26 * random.nextDouble(),
                domain.grayLevel() + domain.levelSpread() * clampedGaussian(random),
                Math.min(250, domain.whiteLevel() + 0.5 * domain.levelSpread() * clampedGaussian(random)),
                random.nextBoolean());
    }

    /** Draws the grade a spread of this slide is planned to have. */
    public Grade drawGrade(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < goodProbability) {
            return Grade.GOOD;
        }
        return u < goodProbability + fairProbability ? Grade.FAIR : Grade.POOR;
    }

    private static double clampedGaussian(SplittableRandom random) {
        return Math.max(-2.5, Math.min(2.5, random.nextGaussian()));
    }
}
