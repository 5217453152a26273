package org.karyoloop.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the realism guards on a generated stream: the grade mix, and how well a naive model on
 * global image statistics (background level, histogram, mean, std) separates GOOD from POOR.
 */
final class RealismAudit {

    private RealismAudit() {
    }

    /**
     * How well global statistics grade one domain.
     *
     * @param domain the domain
     * @param good GOOD images in the sample
     * @param poor POOR images in the sample
     * @param backgroundAuc AUC of the background level alone for GOOD against POOR (0.5 = chance)
     * @param bestFeature the single global feature that separates best, whichever way it points
     * @param bestFeatureAuc its separation, max(AUC, 1 - AUC)
     * @param logisticAuc AUC of a logistic regression on all global features, five folds split by slide
     */
    record Shortcut(String domain, int good, int poor, double backgroundAuc, String bestFeature, double bestFeatureAuc,
            double logisticAuc) {
    }

    /** Grade counts of images {@code 0..count-1} of a configuration. */
    static Map<Grade, Integer> gradeCounts(GeneratorConfig config, int count) {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            counts.put(grade, 0);
        }
        SpreadGenerator generator = new SpreadGenerator(config);
        for (int i = 0; i < count; i++) {
            counts.merge(generator.generate(i).truth().grade(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The shortcut figures of a domain on {@code count} images, GOOD boosted to 30% (AUC does not
     * depend on prevalence; the boost buys GOOD examples), ten images per slide.
     */
    static Shortcut shortcut(Domain domain, int count, int size, long seed) {
        GeneratorConfig config = GeneratorConfig.defaults().withSize(size, size).withDomain(domain)
                .withShares(0.3, 0.2).withImagesPerSlide(10).withSeed(seed);
        Sample sample = Sample.of(config, count);
        String best = "";
        double bestSeparation = 0;
        for (int f = 0; f < GlobalFeatures.NAMES.length; f++) {
            double separation = Roc.separation(sample.feature(true, f), sample.feature(false, f));
            if (separation > bestSeparation) {
                bestSeparation = separation;
                best = GlobalFeatures.NAMES[f];
            }
        }
        return new Shortcut(domain.name(), sample.count(true), sample.count(false),
                Roc.auc(sample.background(true), sample.background(false)), best, bestSeparation,
                sample.crossValidatedLogisticAuc());
    }

    /** GOOD and POOR images of one stream, reduced to their global features. */
    record Sample(List<double[]> features, List<Double> backgrounds, List<Boolean> good, List<Long> slides) {

        static Sample of(GeneratorConfig config, int count) {
            SpreadGenerator generator = new SpreadGenerator(config);
            Sample sample = new Sample(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < count; i++) {
                SyntheticImage image = generator.generate(i);
                if (image.truth().grade() == Grade.FAIR) {
                    continue;
                }
                sample.features.add(GlobalFeatures.of(image));
                sample.backgrounds.add(GlobalFeatures.backgroundLevel(image));
                sample.good.add(image.truth().grade() == Grade.GOOD);
                sample.slides.add(image.slide().index());
            }
            return sample;
        }

        int count(boolean ofGood) {
            return (int) good.stream().filter(g -> g == ofGood).count();
        }

        double[] background(boolean ofGood) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                if (good.get(i) == ofGood) {
                    values.add(backgrounds.get(i));
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double[] feature(boolean ofGood, int f) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                if (good.get(i) == ofGood) {
                    values.add(features.get(i)[f]);
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** Five folds split by slide, so no slide is both trained and tested on. */
        double crossValidatedLogisticAuc() {
            List<Double> positives = new ArrayList<>();
            List<Double> negatives = new ArrayList<>();
            for (int fold = 0; fold < 5; fold++) {
                List<double[]> trainX = new ArrayList<>();
                List<Boolean> trainY = new ArrayList<>();
                for (int i = 0; i < good.size(); i++) {
                    if (slides.get(i) % 5 != fold) {
                        trainX.add(features.get(i));
                        trainY.add(good.get(i));
                    }
                }
                boolean[] y = new boolean[trainY.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = trainY.get(i);
                }
                LogisticRegression model = LogisticRegression.fit(trainX.toArray(new double[0][]), y, 0.01, 300);
                for (int i = 0; i < good.size(); i++) {
                    if (slides.get(i) % 5 == fold) {
                        (good.get(i) ? positives : negatives).add(model.score(features.get(i)));
                    }
                }
            }
            return Roc.auc(positives.stream().mapToDouble(Double::doubleValue).toArray(),
                    negatives.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
