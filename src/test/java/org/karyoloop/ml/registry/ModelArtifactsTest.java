package org.karyoloop.ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.TestModels;
import org.karyoloop.ml.registry.ModelArtifactRejectedException.Reason;

/** Artifact verification: a good DJL artifact loads and answers the probe; broken ones are refused. */
class ModelArtifactsTest {

    private final ModelVersionSpec spec = TestModels.spec("m", "v1", 0.5);

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
        ModelVersionSpec torchScript = new ModelVersionSpec("m", "ts", ArtifactFormat.TORCHSCRIPT, null,
                "torchscript", spec.preprocessing(), spec.classes(), 0.5, null, null, ModelOrigin.IMPORTED, null, null);
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
}
