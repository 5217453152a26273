package org.karyoloop.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.TestModels;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.ml.registry.ModelArtifactRejectedException.Reason;

/**
 * Artifact verification: a good DJL artifact and a TorchScript module made by PyTorch load and answer the probe;
 * broken ones are refused. The TorchScript files come from src/test/resources/torchscript/make_fixtures.py
 * (PyTorch 1.13, run once; the files are committed, so the test runs offline).
 */
class ModelArtifactsTest {

    private final ModelVersionSpec spec = TestModels.spec("m", "v1", 0.5);
    private final ModelVersionSpec torchScript = new ModelVersionSpec("m", "ts", ArtifactFormat.TORCHSCRIPT, null,
            "torchscript", spec.preprocessing(), spec.classes(), 0.5, null, null, ModelOrigin.IMPORTED, null, null);

    /** A committed fixture of src/test/resources/torchscript/. */
    static byte[] fixture(String name) {
        try (InputStream in = ModelArtifactsTest.class.getResourceAsStream("/torchscript/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void torchScriptModuleMadeByPyTorchLoadsAndComputesWhatPyTorchComputed() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(fixture("spread-cnn-64.json")).get("logits");
        int size = TestModels.INPUT;
        float[] ramp = new float[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                ramp[r * size + c] = ((r + c) % size) / (float) (size - 1);
            }
        }
        try (Model model = ModelArtifacts.load(torchScript, fixture("spread-cnn-64.pt"), Device.cpu());
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator());
                NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float[] logits = predictor.predict(new NDList(manager.create(ramp, new Shape(1, 1, size, size))))
                    .get(0).toFloatArray();
            assertThat(logits).hasSize(expected.size()).hasSize(3);
            for (int i = 0; i < logits.length; i++) {
                assertThat(logits[i]).as("logit %d", i).isCloseTo((float) expected.get(i).asDouble(), within(1e-4f));
            }
        }
    }

    @Test
    void torchScriptModuleWithAnotherNumberOfOutputsIsRefusedAsWrongShape() {
        byte[] fourOutputs = fixture("wrong-shape-64.pt");
        assertThatThrownBy(() -> ModelArtifacts.load(torchScript, fourOutputs, Device.cpu()))
                .isInstanceOf(ModelArtifactRejectedException.class)
                .extracting(e -> ((ModelArtifactRejectedException) e).reason()).isEqualTo(Reason.WRONG_SHAPE);
    }

    @Test
    void djlArtifactOfTheDeclaredArchitectureLoadsAndAnswersTheProbe() {
        try (Model model = ModelArtifacts.load(spec, TestModels.spreadNetParams(3, 1), Device.cpu())) {
            assertThat(model.getBlock()).isNotNull();
        }
    }

    @Test
    void corruptArtifactsAreRefusedAsUnloadable() {
        byte[] good = TestModels.spreadNetParams(3, 1);
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        for (byte[] bad : new byte[][] {"not a model".getBytes(StandardCharsets.UTF_8), truncated}) {
            assertThatThrownBy(() -> ModelArtifacts.load(spec, bad, Device.cpu()))
                    .isInstanceOf(ModelArtifactRejectedException.class)
                    .extracting(e -> ((ModelArtifactRejectedException) e).reason()).isEqualTo(Reason.UNLOADABLE);
        }
        assertThatThrownBy(() -> ModelArtifacts.load(torchScript, good, Device.cpu()))
                .isInstanceOf(ModelArtifactRejectedException.class);
    }

    @Test
    void artifactWithAnotherNumberOfClassesIsRefused() {
        byte[] fiveClasses = TestModels.spreadNetParams(5, 1);
        assertThatThrownBy(() -> ModelArtifacts.load(spec, fiveClasses, Device.cpu()))
                .isInstanceOf(ModelArtifactRejectedException.class)
                .extracting(e -> ((ModelArtifactRejectedException) e).reason())
                .isIn(Reason.WRONG_SHAPE, Reason.UNLOADABLE);
    }

    @Test
    void aMeasurementsModelTrainedOnAnotherReleasesMeasurementsIsRefusedAtRegistrationAndAtLoad() {
        PreprocessRecipe current = PreprocessRecipe.measurements();
        PreprocessRecipe older = new PreprocessRecipe(SpreadMeter.FEATURES - 1, current.workingSize(),
                current.autolevel(), current.lowPercentile(), current.highPercentile(), current.automask(),
                current.maskDelta(), current.maxBlobFraction(), current.cropToSpread(), true);
        ModelVersionSpec stale = new ModelVersionSpec("m", "old", ArtifactFormat.DJL, null, SpreadNet.MEASURES,
                older, spec.classes(), 0.5, null, null, ModelOrigin.IMPORTED, null, null);

        assertThat(current.incompatibility()).isNull();
        assertThat(older.incompatibility()).contains((SpreadMeter.FEATURES - 1) + " spread measurements");
        assertThatThrownBy(() -> ModelRegistry.validate(stale)).isInstanceOf(ModelArtifactRejectedException.class)
                .extracting(e -> ((ModelArtifactRejectedException) e).reason()).isEqualTo(Reason.INVALID_METADATA);
        assertThatThrownBy(() -> ModelArtifacts.load(stale, TestModels.spreadNetParams(3, 1), Device.cpu()))
                .isInstanceOf(ModelArtifactRejectedException.class)
                .extracting(e -> ((ModelArtifactRejectedException) e).reason()).isEqualTo(Reason.INVALID_METADATA);
    }
}
