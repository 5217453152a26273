package org.karyoloop.training.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.eval.Calibration;
import org.karyoloop.ml.preprocess.PreprocessRecipe;

/**
 * Trains a {@link SpreadNet} architecture (on pixels, or on a spread's measurements) with DJL on the PyTorch
 * engine (the engine's default device: CPU here, CUDA with the gpu natives): class-balanced sampling,
 * augmentation of pixel inputs, the chosen loss, and after every
 * epoch a calibration of the GOOD threshold on validation; the checkpoint kept is chosen by
 * {@link TrainerOptions#checkpoint()} (by default the mean of the second half's parameters, then its threshold).
 * Not thread-safe: one run per instance at a time.
 */
public final class SpreadTrainer {

    /** Class order of every model karyoloop trains. */
    public static final List<String> CLASSES = List.of("GOOD", "FAIR", "POOR");
    public static final int GOOD = 0;
    public static final int POOR = 2;
    public static final String ARCHITECTURE = SpreadNet.V1;

    private static final Logger LOG = Logger.getLogger(SpreadTrainer.class);
    private static final String PREFIX = "model";

    /** One example's input shape, without the batch axis. */
    private final Shape inputShape;
    private final int inputLength;
    private final TrainerOptions options;
    private final String architecture;
    private final Device device = Engine.getEngine("PyTorch").defaultDevice();

    public SpreadTrainer(int inputSize, TrainerOptions options) {
        this(inputSize, options, ARCHITECTURE);
    }

    /** A trainer of {@code architecture} (one {@link SpreadNet} knows) on square gray inputs of {@code inputSize}. */
    public SpreadTrainer(int inputSize, TrainerOptions options, String architecture) {
        this(PreprocessRecipe.standard(inputSize), options, architecture);
    }

    /** A trainer of {@code architecture} on inputs made by {@code recipe} (pixels, or measurements). */
    public SpreadTrainer(PreprocessRecipe recipe, TrainerOptions options, String architecture) {
        if (!SpreadNet.knows(architecture)) {
            throw new IllegalArgumentException("unknown architecture " + architecture);
        }
        if (SpreadNet.measures(architecture) != recipe.measure()) {
            throw new IllegalArgumentException(architecture + (recipe.measure() ? " does not grade measurements"
                    : " grades measurements; the recipe must measure"));
        }
        this.inputShape = recipe.inputShape();
        this.inputLength = recipe.inputLength();
        this.options = options;
        this.architecture = architecture;
    }

    private Shape batchShape(int batch) {
        return new Shape(batch).addAll(inputShape);
    }

    /**
     * Trains on {@code train}, selects and calibrates on {@code validation}; starts from
     * {@code warmStart} parameters when given. {@code cancelled} is polled between steps.
     */
    public TrainedModel train(List<Example> train, List<Example> validation, byte[] warmStart,
            BooleanSupplier cancelled, Consumer<EpochMetrics> progress) {
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("training and validation sets must not be empty");
        }
        Path dir = tempDir();
        try (Model model = Model.newInstance(PREFIX, device, "PyTorch")) {
            model.setBlock(SpreadNet.build(architecture, CLASSES.size()));
            if (warmStart != null) {
                Files.write(dir.resolve(PREFIX + "-0000.params"), warmStart);
                model.load(dir, PREFIX);
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(options.learningRate()))
                            .optWeightDecays(1e-4f).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(batchShape(options.batchSize()));
                return loop(model, trainer, train, validation, dir, cancelled, progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("warm-start parameters do not fit " + architecture, e);
        } finally {
            Temp.delete(dir);
        }
    }

    private TrainedModel loop(Model model, Trainer trainer, List<Example> train, List<Example> validation, Path dir,
            BooleanSupplier cancelled, Consumer<EpochMetrics> progress) throws IOException {
        SplittableRandom random = new SplittableRandom(options.seed());
        BatchSampler sampler = new BatchSampler(train, options.balanced(), random);
        // measurements are not images: nothing to flip, rotate or blur
        Augmenter augmenter = inputShape.dimension() == 3
                ? new Augmenter((int) inputShape.get(1), options.blurShare()) : null;
        int perEpoch = options.samplesPerEpoch() > 0 ? options.samplesPerEpoch() : train.size();
        int steps = Math.max(1, perEpoch / options.batchSize());
        int[] valLabels = Evaluation.labels(validation);
        List<EpochMetrics> epochs = new ArrayList<>();
        byte[] bestArtifact = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        Calibration bestCalibration = null;
        float[][] bestProbabilities = null;
        ParameterAverage average = options.checkpoint() == CheckpointRule.AVERAGE
                ? new ParameterAverage(model.getBlock()) : null;
        int averageFrom = options.epochs() / 2 + 1;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            double lossSum = 0;
            for (int step = 0; step < steps; step++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("training cancelled in epoch " + epoch);
                }
                lossSum += step(trainer, sampler.next(options.batchSize()), augmenter, random);
            }
            float[][] probabilities = predict(trainer, validation);
            Calibration c = calibrate(probabilities, valLabels);
            Evaluation e = Evaluation.of(probabilities, valLabels, c.threshold());
            double validationLoss = Evaluation.crossEntropy(probabilities, valLabels);
            EpochMetrics m = new EpochMetrics(epoch, options.loss().name(), options.learningRate(), lossSum / steps,
                    validationLoss, e.accuracy(), c.precision(), c.recall(), c.threshold(), c.eligible(),
                    c.precisionLowerBound(), (System.nanoTime() - start) / 1e9);
            epochs.add(m);
            progress.accept(m);
            LOG.debugf("epoch %d: %s", epoch, m);
            if (average != null) {
                if (epoch >= averageFrom) {
                    average.add();
                }
                continue;
            }
            double score = options.checkpoint() == CheckpointRule.VALIDATION_LOSS ? -validationLoss
                    : c.eligible() ? 1 + c.recall() : c.precision() * 0.99 + c.recall() * 0.01;
            if (score > bestScore) {
                bestScore = score;
                bestEpoch = epoch;
                bestCalibration = c;
                bestProbabilities = probabilities;
                bestArtifact = save(model, dir);
            }
        }
        if (average != null) {
            average.apply();
            bestEpoch = options.epochs();
            bestProbabilities = predict(trainer, validation);
            bestCalibration = calibrate(bestProbabilities, valLabels);
            bestArtifact = save(model, dir);
            LOG.debugf("average of epochs %d..%d: %s", averageFrom, options.epochs(), bestCalibration);
        }
        return new TrainedModel(bestArtifact, bestEpoch, bestCalibration,
                Evaluation.of(bestProbabilities, valLabels, bestCalibration.threshold()), List.copyOf(epochs),
                bestProbabilities, valLabels);
    }

    /** The GOOD threshold on validation at the options' target precision, evidence and z. */
    private Calibration calibrate(float[][] probabilities, int[] labels) {
        return Evaluation.calibrate(probabilities, labels, options.targetPrecision(), options.minPredictedGood(),
                options.calibrationZ());
    }

    private float step(Trainer trainer, List<Example> batch, Augmenter augmenter, SplittableRandom random) {
        int b = batch.size();
        int length = inputLength;
        float[] x = new float[b * length];
        float[] oneHot = new float[b * CLASSES.size()];
        float[] weight = new float[b];
        float[] unlabeled = new float[b];
        for (int i = 0; i < b; i++) {
            Example ex = batch.get(i);
            ex.copyTo(x, i * length);
            if (options.augment() && augmenter != null) {
                augmenter.apply(x, i * length, random);
            }
            oneHot[i * CLASSES.size() + ex.label()] = 1f;
            weight[i] = ex.weight();
            unlabeled[i] = ex.unlabeled() && options.loss() == LossKind.NNPU ? 1f : 0f;
        }
        try (NDManager m = trainer.getManager().newSubManager();
                GradientCollector gc = trainer.newGradientCollector()) {
            NDArray input = m.create(x, batchShape(b));
            NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
            NDArray loss = Losses.loss(options.loss(), logits, m.create(oneHot, new Shape(b, CLASSES.size())),
                    m.create(weight), m.create(unlabeled), POOR, options.focalGamma(), options.puPrior());
            gc.backward(loss);
            float value = loss.getFloat();
            trainer.step();
            return value;
        }
    }

    /** Class probabilities of {@code examples} with the current parameters (inference mode). */
    private float[][] predict(Trainer trainer, List<Example> examples) {
        float[][] out = new float[examples.size()][];
        int length = inputLength;
        int batch = 64;
        for (int from = 0; from < examples.size(); from += batch) {
            int n = Math.min(batch, examples.size() - from);
            float[] x = new float[n * length];
            for (int i = 0; i < n; i++) {
                examples.get(from + i).copyTo(x, i * length);
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray probs = trainer.evaluate(new NDList(m.create(x, batchShape(n))))
                        .singletonOrThrow().softmax(1);
                float[] flat = probs.toFloatArray();
                for (int i = 0; i < n; i++) {
                    out[from + i] = java.util.Arrays.copyOfRange(flat, i * CLASSES.size(), (i + 1) * CLASSES.size());
                }
            }
        }
        return out;
    }

    private static byte[] save(Model model, Path dir) throws IOException {
        Path target = Files.createTempDirectory(dir, "ckpt-");
        model.setProperty("Epoch", "0");
        model.save(target, PREFIX);
        return Files.readAllBytes(target.resolve(PREFIX + "-0000.params"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("karyoloop-train-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
