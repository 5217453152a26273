package org.karyoloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.data.SlideSplit;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.spread.LabelTruth;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.LabelGrade;
import org.karyoloop.synth.QualityScore;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;
import org.karyoloop.training.engine.Evaluation;
import org.karyoloop.training.engine.Example;
import org.karyoloop.training.engine.SpreadTrainer;
import org.karyoloop.training.engine.TrainedModel;
import org.karyoloop.training.engine.TrainerOptions;

/**
 * Grades on real cells (bench/realgrade.sh): truth grades of the labelled shared ADIR cells from their label
 * images ({@link LabelGrade}), the default measurements model trained on synthetic spreads of both modalities,
 * and again with the tuning slides' real cells added as doctor labels; each graded on the test slides at its
 * calibrated threshold, ending with one RESULT line per training set.
 */
public final class RealGradeBench {

    private RealGradeBench() {
    }

    /** A labelled real cell: its measurements, truth grade and slide. */
    record RealCell(String name, String slide, float[] features, QualityScore truth) {
        boolean test() {
            return AdirStats.onTestSlide(slide);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchOptions opt = BenchOptions.parse(args);
        Path cases = AdirStats.casesDir(opt.get("real"), "--real DIR");
        int perModality = opt.integer("synthetic", 600);
        int epochs = opt.integer("epochs", 20);
        float realWeight = (float) opt.real("real-weight", 3);
        List<RealCell> real = new ArrayList<>();
        for (AdirStats.Cell c : AdirStats.cells(cases)) {
            int complete = LabelGrade.completeCount(Files.readString(c.dapi().resolveSibling("case-info.txt")));
            LabelTruth labels = LabelTruth.read(c.labels());
            QualityScore truth = LabelGrade.of(labels.chromosomes(), labels.touchingPairs(), labels.overlappingPairs(),
                    complete);
            real.add(new RealCell(c.name(), c.slide(), SpreadMeter.measure(AdirStats.decode(c.dapi())).features(),
                    truth));
        }
        int[] mixTune = new int[3];
        int[] mixTest = new int[3];
        for (RealCell c : real) {
            (c.test() ? mixTest : mixTune)[c.truth().grade().ordinal()]++;
        }
        System.out.printf(Locale.ROOT,
                "real cells: %d labelled; truth grades GOOD/FAIR/POOR tuning slides %d/%d/%d,"
                        + " test slides %d/%d/%d%n",
                real.size(), mixTune[0], mixTune[1], mixTune[2], mixTest[0],
                mixTest[1], mixTest[2]);
        for (RealCell c : real) {
            System.out.printf(Locale.ROOT, "  %s %s score %d %s (%s)%n", c.name(), c.test() ? "test" : "tune",
                    c.truth().score(), c.truth().grade(), c.truth().mainDefect());
        }

        SlideSplit split = new SlideSplit("realgrade", 0.2, 0);
        List<Example> train = new ArrayList<>();
        List<Example> val = new ArrayList<>();
        synthetic(GeneratorConfig.defaults().withSize(1024, 1024).withDomain(Domain.newMicroscopes()).withSeed(31),
                perModality, split, train, val);
        synthetic(GeneratorConfig.defaults().withSize(645, 517).withDomain(Domain.fluorescence()).withSeed(32),
                perModality, split, train, val);
        List<RealCell> testCells = real.stream().filter(RealCell::test).toList();
        int[] testLabels = testCells.stream().mapToInt(c -> c.truth().grade().ordinal()).toArray();
        float[][] testInputs = testCells.stream().map(RealCell::features).toArray(float[][]::new);

        String synthOnly = row("synthetic", train, val, testInputs, testLabels, epochs);
        List<Example> trainPlus = new ArrayList<>(train);
        List<Example> valPlus = new ArrayList<>(val);
        for (RealCell c : real) {
            if (!c.test()) {
                Example e = Example.of(c.features(), true, c.truth().grade().ordinal(), realWeight, false,
                        "real-" + c.slide());
                trainPlus.add(e);
                valPlus.add(e);
            }
        }
        String plus = row("synthetic+real", trainPlus, valPlus, testInputs, testLabels, epochs);
        System.out.println(synthOnly);
        System.out.println(plus);
    }

    private static void synthetic(GeneratorConfig config, int n, SlideSplit split, List<Example> train,
            List<Example> val) {
        SpreadGenerator generator = new SpreadGenerator(config);
        for (int i = 0; i < n; i++) {
            SyntheticImage s = generator.generate(i);
            float[] f = SpreadMeter.measure(new DecodedImage(ImageFormat.PNG, s.width(), s.height(), 8, 1,
                    s.pixels())).features();
            String slide = s.slide().slideId();
            Example e = Example.of(f, true, s.truth().grade().ordinal(), 1f, false, slide);
            (split.partOf(slide) == SlideSplit.Part.TRAIN ? train : val).add(e);
        }
        System.out.printf(Locale.ROOT, "synthetic %s (%s) %dx%d: %d spreads%n", config.domain().name(),
                config.domain().modality().wire(), config.width(), config.height(), n);
    }

    private static String row(String name, List<Example> train, List<Example> val, float[][] testInputs,
            int[] testLabels, int epochs) {
        PreprocessRecipe recipe = SpreadNet.recipe(SpreadNet.MEASURES, 96, false);
        TrainerOptions o = TrainerOptions.defaults().withEpochs(epochs);
        TrainedModel m = new SpreadTrainer(recipe, o, SpreadNet.MEASURES).train(train, val, null, () -> false,
                e -> {});
        double threshold = m.calibration().threshold();
        float[][] p = new QualityBench(new String[0]).predict(m.artifact(), testInputs, SpreadNet.MEASURES, recipe);
        Evaluation e = Evaluation.of(p, testLabels, threshold);
        int[][] c = e.confusion();
        System.out.printf(Locale.ROOT, "%s: trained on %d, calibrated on %d (threshold %.3f, eligible %s); test cells"
                + " %d%n  confusion (rows true GOOD/FAIR/POOR, columns predicted): %s %s %s%n", name, train.size(),
                val.size(), threshold, m.calibration().eligible(), testLabels.length, java.util.Arrays.toString(c[0]),
                java.util.Arrays.toString(c[1]), java.util.Arrays.toString(c[2]));
        return String.format(Locale.ROOT,
                "RESULT real_good_precision=%.3f real_good_recall=%.3f real_accuracy=%.3f cells=%d train=%s",
                e.goodPrecision(), e.goodRecall(), e.accuracy(), testLabels.length, name);
    }
}
