package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The legacy archive carries the white-background shortcut and the new microscopes do not; on the
 * new domain no classifier on global image statistics can grade, so a model has to look at the
 * chromosomes. GOOD is boosted to 30% here: AUC does not depend on prevalence, and it gives ~200
 * GOOD images for tight estimates (standard error of an AUC about 0.025).
 */
class ShortcutTest {

    /**
     * Bound on global statistics on the new domain. The best of 40 features picked after the fact
     * reaches about 0.58 on pure noise at this sample size; 0.70 leaves room for the weak, honest
     * traces that blur and overlaps leave in a histogram, while any feature that grades as well as
     * the legacy background shortcut (0.8+) fails.
     */
    static final double GLOBAL_STATISTICS_MAX_AUC = 0.70;

    private static Sample legacy;
    private static Sample fresh;

    @BeforeAll
    static void generate() {
        legacy = Sample.of("legacy", 700);
        fresh = Sample.of("new", 700);
    }

    @Test
    void legacyBackgroundAloneSeparatesGoodFromPoor() {
        double auc = Roc.auc(legacy.background(true), legacy.background(false));
        assertTrue(auc >= 0.8, "legacy background AUC " + auc);
    }

    @Test
    void newBackgroundAloneIsNearChance() {
        double auc = Roc.auc(fresh.background(true), fresh.background(false));
        assertTrue(Math.abs(auc - 0.5) <= 0.1, "new background AUC " + auc);
    }

    @Test
    void noSingleGlobalStatisticSeparatesGoodFromPoorOnNew() {
        for (int f = 0; f < GlobalFeatures.NAMES.length; f++) {
            double separation = Roc.separation(fresh.feature(true, f), fresh.feature(false, f));
            assertTrue(separation <= GLOBAL_STATISTICS_MAX_AUC,
                    GlobalFeatures.NAMES[f] + " separates GOOD from POOR with AUC " + separation);
        }
    }

    @Test
    void logisticRegressionOnGlobalStatisticsCannotGradeNewImages() {
        double auc = fresh.crossValidatedLogisticAuc();
        assertTrue(auc <= GLOBAL_STATISTICS_MAX_AUC, "cross-validated logistic regression AUC " + auc);
    }

    @Test
    void logisticRegressionOnGlobalStatisticsLearnsTheLegacyShortcut() {
        double auc = legacy.crossValidatedLogisticAuc();
        assertTrue(auc >= 0.8, "the shortcut is learnable on legacy: AUC " + auc);
    }

    /** GOOD and POOR images of one domain, reduced to their global features. */
    private record Sample(List<double[]> features, List<Double> backgrounds, List<Boolean> good, List<Long> slides) {

        static Sample of(String domain, int count) {
            GeneratorConfig config = GeneratorConfig.defaults().withSize(256, 256).withDomain(Domain.named(domain))
                    .withShares(0.3, 0.2).withImagesPerSlide(10).withSeed(11);
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
