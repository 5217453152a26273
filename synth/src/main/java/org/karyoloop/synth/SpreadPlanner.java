package org.karyoloop.synth;

import java.util.SplittableRandom;

/**
 * Draws a {@link SpreadPlan} for a target grade: grade-neutral factors (size, cells, debris,
 * background, noise) are drawn alike for every grade, and the defects that cost points are drawn
 * to land the planned score inside the target grade's band.
 */
final class SpreadPlanner {

    /** Planned stain contrast of a normally stained spread, for planning only. */
    private static final double NORMAL_CONTRAST = 0.4;

    private final GeneratorConfig config;

    SpreadPlanner(GeneratorConfig config) {
        this.config = config;
    }

    SpreadPlan plan(SlideFactors slide, SplittableRandom random) {
        Grade target = slide.drawGrade(random);
        Draft draft = new Draft(target, slide, random);
        switch (target) {
            case GOOD -> {}
            case FAIR -> draft.fair();
            case POOR -> draft.poor();
        }
        return draft.toPlan();
    }

    private final class Draft {
        private final Grade target;
        private final SlideFactors slide;
        private final SplittableRandom random;
        private int count = QualityScore.COMPLETE_COUNT;
        private int touches;
        private int overlaps;
        private int covered;
        private double blur;
        private double condensation;
        private double stain;
        private double spreadDensity;

        Draft(Grade target, SlideFactors slide, SplittableRandom random) {
            this.target = target;
            this.slide = slide;
            this.random = random;
            blur = uniform(0.35, 0.95);
            condensation = clamp(slide.condensation() + 0.05 * random.nextGaussian(), 0.87, 1.23);
            stain = slide.stain() * uniform(0.92, 1.08);
            spreadDensity = uniform(0.1, 0.17);
        }

        void fair() {
            double pick = random.nextDouble();
            if (pick < 0.55) {
                int kind = random.nextInt(5);
                touches = new int[] {1, 2, 3, 0, 1}[kind];
                overlaps = new int[] {0, 0, 0, 1, 1}[kind];
            } else if (pick < 0.75) {
                blur = uniform(1.05, 1.95);
            } else if (pick < 0.85) {
                condensation = random.nextBoolean() ? uniform(0.68, 0.84) : uniform(1.26, 1.44);
            } else if (pick < 0.93) {
                int error = 1 + random.nextInt(4);
                count += random.nextDouble() < 0.7 ? -error : error;
            } else {
                covered = 1 + random.nextInt(2);
            }
            if (random.nextDouble() < 0.35 && deduction() + QualityScore.PER_TOUCH <= 20) {
                touches++;
            }
        }

        void poor() {
            double pick = random.nextDouble();
            if (pick < 0.55) {
                overlaps = 2 + random.nextInt(7);
                touches = random.nextInt(9);
                spreadDensity = uniform(0.15, 0.26);
            } else if (pick < 0.73) {
                blur = uniform(2.1, 4.0);
            } else if (pick < 0.83) {
                condensation = random.nextBoolean() ? uniform(0.5, 0.63) : uniform(1.47, 1.8);
            } else if (pick < 0.9) {
                count = 38 + random.nextInt(3);
            } else if (pick < 0.97) {
                covered = 3 + random.nextInt(4);
            } else {
                stain *= uniform(0.3, 0.45);
            }
            if (random.nextDouble() < 0.5) {
                touches += random.nextInt(5);
            }
            if (random.nextDouble() < 0.3) {
                blur = Math.max(blur, uniform(1.0, 1.8));
            }
        }

        double deduction() {
            return 100 - QualityScore.of(count, touches, overlaps, covered, blur, NORMAL_CONTRAST, condensation)
                    .score();
        }

        SpreadPlan toPlan() {
            Domain domain = config.domain();
            boolean white = random.nextDouble() < domain.whiteShare(target);
            double level = white ? slide.whiteLevel() : slide.grayLevel();
            level += 2.5 * random.nextGaussian();
            double noise = uniform(domain.noiseMin(), domain.noiseMax());
            double sizeFactor = StrictMath.exp(0.1 * random.nextGaussian());
            int nuclei = weighted(new double[] {0.3, 0.35, 0.2, 0.1, 0.05});
            int bloodCells = random.nextInt(13);
            int debris = random.nextInt(26);
            double vignette = uniform(0.3, 1.0) * domain.unevenness();
            if (domain.extraNuclei() > 0) {
                nuclei += random.nextInt(domain.extraNuclei() + 1);
            }
            return new SpreadPlan(target, count, touches, overlaps, covered, blur * domain.blurScale(),
                    condensation, stain, sizeFactor, spreadDensity * domain.crowding(), white, level, nuclei,
                    bloodCells, debris, noise, vignette);
        }

        private int weighted(double[] weights) {
            double u = random.nextDouble();
            for (int i = 0; i < weights.length; i++) {
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private double uniform(double low, double high) {
            return low + (high - low) * random.nextDouble();
        }
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
