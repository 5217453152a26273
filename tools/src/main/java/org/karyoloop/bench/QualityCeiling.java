package org.karyoloop.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.training.engine.Example;
import org.karyoloop.training.engine.LossKind;
import org.karyoloop.training.engine.SpreadTrainer;
import org.karyoloop.training.engine.TrainedModel;
import org.karyoloop.training.engine.TrainerOptions;

/**
 * How well the model can grade at all, apart from the label budget: trains on {@code --train} new-domain
 * images with their true grades (GOOD and FAIR boosted to {@code --good}/{@code --fair}), and reports on
 * {@code --test} images of the natural mix the AUC of P(GOOD) for GOOD against the rest and the best GOOD
 * precision at recall 0.5 (threshold picked on the test set itself: an optimistic ceiling, not a result).
 * Run: {@code java -cp ... org.karyoloop.bench.QualityCeiling --render 1024 --input 192 --crop true}.
 */
public final class QualityCeiling {

    private QualityCeiling() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions opt = BenchOptions.parse(args);
        int render = opt.integer("render", 1024);
        int input = opt.integer("input", 192);
        boolean crop = opt.flag("crop", true);
        int nTrain = opt.integer("train", 2400);
        int nTest = opt.integer("test", 1000);
        int epochs = opt.integer("epochs", 6);
        double good = opt.real("good", 0.3);
        double fair = opt.real("fair", 0.3);
        boolean augment = opt.flag("augment", true);
        boolean binary = opt.flag("binary", false);
        LossKind loss = LossKind.valueOf(opt.get("loss", "CROSS_ENTROPY"));
        String arch = opt.get("arch", SpreadTrainer.ARCHITECTURE);
        boolean measure = org.karyoloop.ml.SpreadNet.measures(arch);
        PreprocessRecipe recipe = org.karyoloop.ml.SpreadNet.recipe(arch, input, crop);
        GeneratorConfig base = GeneratorConfig.defaults().withSize(render, render).withDomain(Domain.newMicroscopes());
        long start = System.nanoTime();
        java.nio.file.Path cache = java.nio.file.Path.of(opt.get("cache", "bench/.cache"));
        String tag = render + "-" + input + (crop ? "-crop" : "")
                + (measure ? "-measured-" + MeasurementVersion.digest() : "");
        SynthSet train = SynthSet.load(cache.resolve("ceiling-train-" + tag + "-" + nTrain + "-" + good + "-" + fair
                + ".bin"), base.withShares(good, fair).withSeed(21), nTrain, recipe, input, null, false, threads());
        SynthSet test = SynthSet.load(cache.resolve("ceiling-test-" + tag + "-" + nTest + ".bin"), base.withSeed(22),
                nTest, recipe, input, null, false, threads());
        if (opt.has("dump")) {
            java.nio.file.Path dir = java.nio.file.Path.of(opt.get("dump"));
            java.nio.file.Files.createDirectories(dir);
            for (int i = 0; i < 12; i++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(input, input,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                img.getRaster().setDataElements(0, 0, input, input, test.normalised[i]);
                javax.imageio.ImageIO.write(img, "png",
                        dir.resolve("test-" + i + "-g" + test.trueGrade[i] + ".png").toFile());
            }
        }
        System.out.printf(Locale.ROOT, "data after %.0f s: train %d (GOOD %d), test %d (GOOD %d)%n",
                QualityBench.secs(start), nTrain, QualityBench.count(train, 0), nTest, QualityBench.count(test, 0));
        List<Example> tr = new ArrayList<>();
        List<Example> val = new ArrayList<>();
        for (int i = 0; i < nTrain; i++) {
            // --binary true: GOOD against the rest (FAIR trained as POOR), the question the operating point asks
            int label = binary && train.trueGrade[i] == 1 ? SpreadTrainer.POOR : train.trueGrade[i];
            Example e = train.example(i, label, 1f, false, "s" + train.slide[i]);
            (train.slide[i] % 5 == 0 ? val : tr).add(e);
        }
        TrainerOptions o = TrainerOptions.defaults().withEpochs(epochs).withLoss(loss)
                .withSampling(true, augment, 0)
                .withBlurShare(opt.real("blur", 0))
                .withLearningRate((float) opt.real("lr", 0.001));
        TrainedModel m = new SpreadTrainer(recipe, o, arch).train(tr, val, null, () -> false,
                e -> System.out.println("  " + e));
        QualityBench bench = new QualityBench(new String[] {"--input", Integer.toString(input)});
        float[][] p = bench.predict(m.artifact(), test.inputs(false), arch, recipe);
        report("test", p, test.trueGrade);
        if (opt.flag("defects", false)) {
            byDefect(p, test.trueGrade, base.withSeed(22));
        }
        System.out.printf(Locale.ROOT, "wall %.1f min%n", QualityBench.secs(start) / 60);
    }

    /**
     * Which defects the false GOODs have: for the non-GOOD test images of each main defect (the truth's costliest
     * factor, from re-rendering the test set), how many score above the P(GOOD) at which half the GOODs are found.
     */
    static void byDefect(float[][] p, byte[] grade, GeneratorConfig config) {
        float[] goodScores = new float[p.length];
        int positives = 0;
        for (int i = 0; i < p.length; i++) {
            if (grade[i] == 0) {
                goodScores[positives++] = p[i][0];
            }
        }
        float[] sorted = Arrays.copyOf(goodScores, positives);
        Arrays.sort(sorted);
        float half = sorted[positives / 2];
        java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
        org.karyoloop.synth.SpreadGenerator generator = new org.karyoloop.synth.SpreadGenerator(config);
        for (int i = 0; i < p.length; i++) {
            if (grade[i] != 0) {
                int[] c = counts.computeIfAbsent(generator.generate(i).truth().mainDefect(), k -> new int[2]);
                c[0]++;
                c[1] += p[i][0] >= half ? 1 : 0;
            }
        }
        counts.forEach((defect, c) -> System.out.printf(Locale.ROOT, "  %-13s non-GOOD %4d, above the half-recall "
                + "threshold %4d (%.0f %%)%n", defect, c[0], c[1], 100.0 * c[1] / c[0]));
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    static void report(String what, float[][] p, byte[] grade) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(p[b][0], p[a][0]));
        int positives = 0;
        for (byte g : grade) {
            positives += g == 0 ? 1 : 0;
        }
        long pairs = 0;
        long negativesSeen = 0;
        int tp = 0;
        double precisionAtHalf = Double.NaN;
        double recallAt90 = 0;
        int[] fpGrades = new int[3];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (grade[i] == 0) {
                tp++;
                pairs += order.length - positives - negativesSeen;
            } else {
                negativesSeen++;
                if (Double.isNaN(precisionAtHalf)) {
                    fpGrades[grade[i]]++;
                }
            }
            double precision = (double) tp / (k + 1);
            if (precision >= 0.9) {
                recallAt90 = Math.max(recallAt90, (double) tp / positives);
            }
            if (Double.isNaN(precisionAtHalf) && tp * 2 >= positives) {
                precisionAtHalf = precision;
            }
        }
        double auc = (double) pairs / ((long) positives * (order.length - positives));
        System.out.printf(Locale.ROOT,
                "RESULT %s auc_good=%.3f precision_at_recall_0.5=%.3f recall_at_precision_0.9=%.3f"
                        + " false_good_before_half: fair=%d poor=%d%n",
                what, auc, precisionAtHalf, recallAt90, fpGrades[1],
                fpGrades[2]);
    }
}
