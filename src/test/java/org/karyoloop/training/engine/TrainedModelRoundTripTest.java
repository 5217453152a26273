package org.karyoloop.training.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelVersionSpec;

/** A model trained here, saved as a DJL artifact and loaded the way scoring loads it, answers the same. */
class TrainedModelRoundTripTest {

    static final int SIZE = 32;

    @ParameterizedTest
    @ValueSource(strings = {SpreadNet.V1, SpreadNet.V2})
    void trainedArtifactLoadedByTheRegistryLoaderGivesTheSameProbabilitiesAsTheKeptCheckpoint(String architecture)
            throws Exception {
        List<Example> train = examples(90, 1);
        List<Example> validation = examples(30, 2);
        TrainerOptions options = TrainerOptions.defaults().withEpochs(2).withSampling(true, true, 64);
        List<EpochMetrics> seen = new ArrayList<>();

        TrainedModel trained = new SpreadTrainer(SIZE, options, architecture).train(train, validation, null,
                () -> false, seen::add);

        assertThat(seen).hasSize(2);
        assertThat(trained.bestEpoch()).isBetween(1, 2);
        ModelVersionSpec spec = new ModelVersionSpec("roundtrip", "1", ArtifactFormat.DJL, null,
                architecture, PreprocessRecipe.standard(SIZE), SpreadTrainer.CLASSES,
                trained.calibration().threshold(), Map.of(), null, ModelOrigin.TRAINED, null, "test");
        try (Model model = ModelArtifacts.load(spec, trained.artifact(), Device.cpu());
                Predictor<SpreadInput, float[]> predictor = model.newPredictor(spec.translator())) {
            for (int i = 0; i < validation.size(); i++) {
                float[] input = new float[SIZE * SIZE];
                validation.get(i).copyTo(input, 0);
                float[] served = predictor.predict(SpreadInput.prepared(input));
                for (int c = 0; c < served.length; c++) {
                    assertThat(served[c]).isCloseTo(trained.validationProbabilities()[i][c], within(1e-4f));
                }
            }
        }
    }

    @Test
    void aMeasurementsModelLearnsFromMeasurementsAndIsServedThroughTheMeasuringRecipe() throws Exception {
        PreprocessRecipe recipe = PreprocessRecipe.measurements();
        List<Example> validation = ToyExamples.measured(90, 2);
        // enough steps that every epoch has learned the toy classes: the kept parameters are the mean of the second
        // half's, not chosen for accuracy, so those epochs must already be accurate for the check below to hold
        TrainerOptions options = TrainerOptions.defaults().withEpochs(6).withSampling(true, true, 2000);

        TrainedModel trained = new SpreadTrainer(recipe, options, SpreadNet.MEASURES).train(
                ToyExamples.measured(300, 1),
                validation, null, () -> false, m -> {});

        assertThat(trained.validation().accuracy()).isGreaterThan(0.8);
        ModelVersionSpec spec = new ModelVersionSpec("roundtrip", "1", ArtifactFormat.DJL, null, SpreadNet.MEASURES,
                recipe, SpreadTrainer.CLASSES, trained.calibration().threshold(), Map.of(), null, ModelOrigin.TRAINED,
                null, "test");
        try (Model model = ModelArtifacts.load(spec, trained.artifact(), Device.cpu());
                Predictor<SpreadInput, float[]> predictor = model.newPredictor(spec.translator())) {
            for (int i = 0; i < validation.size(); i++) {
                float[] served = predictor.predict(SpreadInput.prepared(validation.get(i).measured()));
                for (int c = 0; c < served.length; c++) {
                    assertThat(served[c]).isCloseTo(trained.validationProbabilities()[i][c], within(1e-4f));
                }
            }
        }
    }

    @Test
    void anArchitectureAndARecipeThatDisagreeOnPixelsOrMeasurementsAreRefused() {
        TrainerOptions options = TrainerOptions.defaults();

        assertThatThrownBy(() -> new SpreadTrainer(PreprocessRecipe.standard(SIZE), options, SpreadNet.MEASURES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must measure");
        assertThatThrownBy(() -> new SpreadTrainer(PreprocessRecipe.measurements(), options, SpreadNet.V1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not grade measurements");
    }

    @Test
    void warmStartFromAnArtifactContinuesFromItsParameters() {
        List<Example> validation = examples(12, 3);
        TrainerOptions options = TrainerOptions.defaults().withEpochs(1).withSampling(true, false, 32);
        TrainedModel parent = new SpreadTrainer(SIZE, options).train(examples(30, 4), validation, null, () -> false,
                m -> {});
        // One step at a negligible learning rate: only batch-norm statistics move, so a warm start stays
        // near its parent while a cold start with the same seed lands elsewhere.
        TrainerOptions still = options.withLearningRate(1e-12f).withSeed(7);
        TrainedModel warm = new SpreadTrainer(SIZE, still).train(examples(30, 4), validation, parent.artifact(),
                () -> false, m -> {});
        TrainedModel cold = new SpreadTrainer(SIZE, still).train(examples(30, 4), validation, null, () -> false,
                m -> {});

        assertThat(distance(warm, parent)).isLessThan(distance(cold, parent));
    }

    private static double distance(TrainedModel a, TrainedModel b) {
        double sum = 0;
        for (int i = 0; i < a.validationProbabilities().length; i++) {
            for (int c = 0; c < 3; c++) {
                sum += Math.abs(a.validationProbabilities()[i][c] - b.validationProbabilities()[i][c]);
            }
        }
        return sum;
    }

    /** Toy inputs: GOOD = few separate dots, FAIR = dots in pairs, POOR = one dense clump. */
    static List<Example> examples(int n, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            float[] px = new float[SIZE * SIZE];
            int dots = label == 2 ? 1 : 5;
            for (int d = 0; d < dots; d++) {
                int cx = 4 + r.nextInt(SIZE - 8);
                int cy = 4 + r.nextInt(SIZE - 8);
                int rad = label == 2 ? 6 : label == 1 ? 3 : 1;
                for (int y = Math.max(0, cy - rad); y < Math.min(SIZE, cy + rad); y++) {
                    for (int x = Math.max(0, cx - rad); x < Math.min(SIZE, cx + rad); x++) {
                        px[y * SIZE + x] = 0.8f;
                    }
                }
            }
            out.add(new Example(Example.quantise(px), label, 1f, false, "slide-" + (i / 10)));
        }
        return out;
    }
}
