package org.karyoloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.karyoloop.ml.data.SlideSplit;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.synth.DoctorLabelModel;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.Grade;
import org.karyoloop.synth.LabelModel;
import org.karyoloop.training.engine.CheckpointRule;
import org.karyoloop.training.engine.Evaluation;
import org.karyoloop.training.engine.Example;
import org.karyoloop.training.engine.LossKind;

import org.karyoloop.training.engine.SpreadTrainer;
import org.karyoloop.training.engine.TrainedModel;
import org.karyoloop.training.engine.TrainerOptions;

/**
 * The model-quality benchmark (bench/quality.sh): a legacy archive with legacy labels, a new-domain
 * pool labelled on demand by a simulated doctor, and a frozen new-domain test set; the loop with the
 * sampling strategy, the same loop with random picking, and a naive baseline. Prints GOOD precision
 * and recall at the calibrated threshold and 3-class accuracy per arm and label count, writes a PNG,
 * and ends with the RESULT line.
 */
public final class QualityBench {

    final Map<String, String> opt = new HashMap<>();
    final int inputSize;
    final double target = 0.90;
    final Path out;
    /** Network of the legacy-only, sampling and random arms (the naive baseline is always spreadnet-v1). */
    final String architecture;
    /** Whether the normalised inputs are cropped to the spread. */
    final boolean crop;
    /** Share of augmented training inputs that are blurred. */
    final double blurShare;
    /** z of the Wilson lower bound of validation precision the GOOD threshold is calibrated on (0 = point estimate). */
    final double calibrationZ;
    /** Which epoch a training run keeps (the training role's default unless --checkpoint). */
    final CheckpointRule checkpoint;
    SynthSet legacy;
    SynthSet pool;
    SynthSet test;

    QualityBench(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                opt.putIfAbsent("legacy", "600");
                opt.putIfAbsent("pool", "800");
                opt.putIfAbsent("test", "400");
                opt.putIfAbsent("input", "64");
                opt.putIfAbsent("budget", "100");
                opt.putIfAbsent("batch", "50");
                opt.putIfAbsent("naive-epochs", "2");
                opt.putIfAbsent("round-samples", "1000");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                opt.put(args[i].substring(2), args[++i]);
            }
        }
        inputSize = num("input", 96);
        architecture = opt.getOrDefault("arch", org.karyoloop.ml.SpreadNet.MEASURES);
        crop = Boolean.parseBoolean(opt.getOrDefault("crop", "false"));
        blurShare = Double.parseDouble(opt.getOrDefault("blur", "0.25"));
        calibrationZ = Double.parseDouble(opt.getOrDefault("calibration-z",
                Double.toString(TrainerOptions.defaults().calibrationZ())));
        checkpoint = CheckpointRule.valueOf(opt.getOrDefault("checkpoint",
                TrainerOptions.defaults().checkpoint().name()).toUpperCase(Locale.ROOT).replace('-', '_'));
        out = Path.of(opt.getOrDefault("out", "bench/out"));
    }

    boolean measure() {
        return org.karyoloop.ml.SpreadNet.measures(architecture);
    }

    /** The recipe of the legacy-only, sampling and random arms. */
    PreprocessRecipe recipe() {
        return org.karyoloop.ml.SpreadNet.recipe(architecture, inputSize, crop);
    }

    /** The domain of a {@code --pool-domain} / {@code --test-domain} spec (docs/synthetic.md), {@code new} without one. */
    Domain domain(String key) {
        String spec = opt.get(key);
        return spec == null ? Domain.newMicroscopes() : Domain.parse(spec);
    }

    /**
     * A cached data set's file: its role, the preprocessing tag, the domain's name, a hash of the whole generator
     * configuration (every knob of the domain, the seed, the render size) and the count, so a set generated for
     * another domain or spec is never read back.
     */
    static Path cacheFile(Path cache, String role, String tag, GeneratorConfig config, int n) {
        String key = config.toString();
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String name = config.domain().name().replaceAll("[^A-Za-z0-9.-]", "_");
        return cache.resolve(role + "-" + tag + "-" + name + "-" + hash + "-" + n + ".bin");
    }

    int num(String key, int fallback) {
        return Integer.parseInt(opt.getOrDefault(key, Integer.toString(fallback)));
    }

    public static void main(String[] args) throws Exception {
        new QualityBench(args).run();
    }

    void run() throws Exception {
        long start = System.nanoTime();
        int render = num("render", 1024);
        int threads = num("threads", Runtime.getRuntime().availableProcessors());
        Path cache = Path.of(opt.getOrDefault("cache", "bench/.cache"));
        String tag = render + "-" + inputSize + (crop ? "-crop" : "")
                + (measure() ? "-measured-" + MeasurementVersion.digest() : "");
        PreprocessRecipe recipe = recipe();
        GeneratorConfig base = GeneratorConfig.defaults().withSize(render, render);
        int nLegacy = num("legacy", 5000);
        int nPool = num("pool", 4000);
        int nTest = num("test", 2000);
        GeneratorConfig legacyConfig = base.withDomain(Domain.legacy()).withSeed(11);
        legacy = SynthSet.load(cacheFile(cache, "legacy", tag, legacyConfig, nLegacy), legacyConfig, nLegacy, recipe,
                inputSize, LabelModel.named("legacy"),
                true,
                threads);
        Domain poolDomain = domain("pool-domain");
        Domain testDomain = domain("test-domain");
        GeneratorConfig poolConfig = base.withDomain(poolDomain).withSeed(12);
        pool = SynthSet.load(cacheFile(cache, "pool", tag, poolConfig, nPool), poolConfig, nPool, recipe, inputSize,
                null, false, threads);
        GeneratorConfig testConfig = base.withDomain(testDomain).withSeed(13);
        test = SynthSet.load(cacheFile(cache, "test", tag, testConfig, nTest), testConfig, nTest, recipe, inputSize,
                null, true, threads);
        System.out.printf(Locale.ROOT, "pool domain %s (%s), test domain %s (%s)%n", poolDomain.name(),
                poolDomain.modality().wire(), testDomain.name(), testDomain.modality().wire());
        System.out.printf(Locale.ROOT, "data: legacy %d, pool %d, test %d (GOOD in test: %d), render %d², input %d²%s,"
                + " %s, blur share %.2f, ready after %.0f s%n", nLegacy, nPool, nTest, count(test, 0), render,
                inputSize,
                crop ? " cropped to the spread" : "", architecture, blurShare, secs(start));

        List<Row> rows = new ArrayList<>();
        Row naive = naive();
        System.out.println(naive);
        LoopArms loop = new LoopArms(this);
        TrainedModel pre = loop.pretrain();
        rows.add(loop.evaluate("legacy-only", 0, pre));
        System.out.println(rows.get(0));
        int budget = num("budget", 500);
        int batch = num("batch", 100);
        for (String arm : List.of("sampling", "random")) {
            rows.addAll(loop.run(arm, pre, budget, batch));
        }
        writePlot(rows, naive, budget);
        Row best = rows.stream().filter(r -> r.arm.equals("sampling")).filter(Row::meets).findFirst()
                .orElse(rows.stream().filter(r -> r.arm.equals("sampling")).reduce((a, b) -> b).orElseThrow());
        String steady = lowestPrecisionAfterTarget(rows, "sampling");
        System.out.printf(Locale.ROOT, "sampling: lowest test precision over the rounds after the first that meets "
                + "the target: %s (calibration z %.2f, checkpoint %s)%n", steady, calibrationZ, checkpoint);
        String randomReached = rows.stream().filter(r -> r.arm.equals("random")).filter(Row::meets)
                .map(r -> Integer.toString(r.labels)).findFirst().orElse("none");
        System.out.printf(Locale.ROOT, "wall time %.1f min%n", secs(start) / 60);
        System.out.printf(Locale.ROOT, "RESULT good_precision=%.3f good_recall=%.3f labels=%d "
                + "labels_random_to_target=%s naive_precision=%.3f naive_recall=%.3f min_precision_after_target=%s%n",
                best.precision, best.recall, best.labels, randomReached, naive.precision, naive.recall, steady);
    }

    /**
     * The lowest test precision of {@code arm}'s rounds after its first round that meets the target, formatted;
     * {@code none} when no round meets it or none follows.
     */
    static String lowestPrecisionAfterTarget(List<Row> rows, String arm) {
        List<Row> own = rows.stream().filter(r -> r.arm.equals(arm)).toList();
        int first = 0;
        while (first < own.size() && !own.get(first).meets()) {
            first++;
        }
        return own.stream().skip(first + 1L).mapToDouble(Row::precision).min()
                .stream().mapToObj(p -> String.format(Locale.ROOT, "%.3f", p)).findFirst().orElse("none");
    }

    /** Legacy labels only, plain cross entropy, argmax, no background normalisation, no balancing. */
    Row naive() {
        SlideSplit split = new SlideSplit("bench", 0.2, 0);
        List<Example> train = new ArrayList<>();
        List<Example> val = new ArrayList<>();
        for (int i = 0; i < legacy.n; i++) {
            Example e = new Example(legacy.raw[i], legacy.archiveLabel[i], 1f, false, "s" + legacy.slide[i]);
            (split.partOf("legacy-" + legacy.slide[i]) == SlideSplit.Part.TRAIN ? train : val).add(e);
        }
        TrainerOptions o = TrainerOptions.defaults().withEpochs(num("naive-epochs", 4))
                .withLoss(LossKind.CROSS_ENTROPY).withSampling(false, false, 0);
        TrainedModel m = new SpreadTrainer(inputSize, o).train(train, val, null, () -> false, e -> {});
        float[][] p = predict(m.artifact(), test.inputs(true), SpreadTrainer.ARCHITECTURE,
                PreprocessRecipe.standard(inputSize));
        int[] labels = trueLabels(test);
        // argmax: GOOD only when it is the likeliest class
        int tp = 0;
        int fp = 0;
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int arg = p[i][0] >= p[i][1] && p[i][0] >= p[i][2] ? 0 : p[i][1] >= p[i][2] ? 1 : 2;
            tp += arg == 0 && labels[i] == 0 ? 1 : 0;
            fp += arg == 0 && labels[i] != 0 ? 1 : 0;
            correct += arg == labels[i] ? 1 : 0;
        }
        int positives = count(test, 0);
        return new Row("naive", 0, tp + fp == 0 ? 0 : (double) tp / (tp + fp), positives == 0 ? 0
                : (double) tp / positives, (double) correct / labels.length, Double.NaN, false);
    }

    /** Class probabilities of {@code inputs} from a DJL artifact of {@code architecture}, loaded as scoring does. */
    float[][] predict(byte[] artifact, float[][] inputs, String architecture, PreprocessRecipe recipe) {
        ModelVersionSpec spec = new ModelVersionSpec("bench", "x", ArtifactFormat.DJL, null,
                architecture, recipe, SpreadTrainer.CLASSES, 0.5,
                Map.of(), null, ModelOrigin.TRAINED, null, "bench");
        float[][] out = new float[inputs.length][];
        int px = recipe.inputLength();
        try (Model model = ModelArtifacts.load(spec, artifact, Device.cpu());
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            for (int from = 0; from < inputs.length; from += 64) {
                int n = Math.min(64, inputs.length - from);
                float[] x = new float[n * px];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(inputs[from + i], 0, x, i * px, px);
                }
                try (NDManager m = model.getNDManager().newSubManager()) {
                    NDArray probs = predictor.predict(new NDList(m.create(x, new Shape(n).addAll(recipe.inputShape()))))
                            .singletonOrThrow().softmax(1);
                    float[] flat = probs.toFloatArray();
                    for (int i = 0; i < n; i++) {
                        out[from + i] = new float[] {flat[i * 3], flat[i * 3 + 1], flat[i * 3 + 2]};
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static int[] trueLabels(SynthSet s) {
        int[] l = new int[s.n];
        for (int i = 0; i < s.n; i++) {
            l[i] = s.trueGrade[i];
        }
        return l;
    }

    static int count(SynthSet s, int grade) {
        int c = 0;
        for (byte g : s.trueGrade) {
            c += g == grade ? 1 : 0;
        }
        return c;
    }

    static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    void writePlot(List<Row> rows, Row naive, int budget) throws Exception {
        List<LinePlot.Series> series = new ArrayList<>();
        Color[] colors = {new Color(30, 90, 200), new Color(200, 60, 40)};
        List<String> arms = List.of("sampling", "random");
        for (int a = 0; a < arms.size(); a++) {
            String arm = arms.get(a);
            List<Row> r = new ArrayList<>(rows.stream().filter(x -> x.arm.equals("legacy-only")).toList());
            r.addAll(rows.stream().filter(x -> x.arm.equals(arm)).toList());
            series.add(new LinePlot.Series(arm + " precision", r.stream().mapToDouble(x -> x.labels).toArray(),
                    r.stream().mapToDouble(x -> x.precision).toArray(), colors[a]));
            series.add(new LinePlot.Series(arm + " recall", r.stream().mapToDouble(x -> x.labels).toArray(),
                    r.stream().mapToDouble(x -> x.recall).toArray(), colors[a].brighter().brighter()));
        }
        series.add(new LinePlot.Series("target precision 0.90", new double[] {0, budget}, new double[] {0.9, 0.9},
                Color.GRAY));
        series.add(new LinePlot.Series(String.format(Locale.ROOT, "naive P=%.2f R=%.2f", naive.precision,
                naive.recall), new double[] {0}, new double[] {naive.precision}, Color.BLACK));
        Files.createDirectories(out);
        Files.write(out.resolve("quality.png"), LinePlot.lines("GOOD precision / recall on the new-domain test set",
                "doctor labels", "precision, recall", budget, series));
        System.out.println("plot: " + out.resolve("quality.png"));
    }

    /** One line of the benchmark table. */
    record Row(String arm, int labels, double precision, double recall, double accuracy, double threshold,
            boolean eligible) {

        boolean meets() {
            return precision >= 0.90 && recall >= 0.50;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-12s labels=%4d  good_precision=%.3f good_recall=%.3f accuracy=%.3f"
                    + "  threshold=%.3f eligible=%s", arm, labels, precision, recall, accuracy, threshold, eligible);
        }
    }

    /** Doctor's read of pool image {@code i}: the same read in every arm, so arms differ only in picking. */
    int doctorLabel(int i) {
        return doctorRead(i, 0);
    }

    /** Read {@code k} (0, 1, 2) of pool image {@code i}, each by another doctor (its own random stream). */
    int doctorRead(int i, int k) {
        Grade truth = Grade.values()[pool.trueGrade[i]];
        return DoctorLabelModel.typical().label(truth, pool.score[i], new SplittableRandom(777_000L + 111_000L * k + i))
                .ordinal();
    }

    /**
     * The adjudicated label of pool image {@code i}, as the annotation role settles a second-read image: two blind
     * reads; when they disagree, a third doctor adjudicates. Returns {label, reads used}.
     */
    int[] adjudicated(int i) {
        int first = doctorRead(i, 0);
        int second = doctorRead(i, 1);
        return first == second ? new int[] {first, 2} : new int[] {doctorRead(i, 2), 3};
    }

    static Set<Integer> none() {
        return new HashSet<>();
    }

    static Comparator<Integer> byDescending(float[][] p) {
        return Comparator.comparingDouble((Integer i) -> -p[i][0]);
    }
}
