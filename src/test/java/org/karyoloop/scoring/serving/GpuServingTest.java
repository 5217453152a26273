package org.karyoloop.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.TestModels;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelVersionSpec;

/** On a GPU machine (mvn -Pgpu): a version served on the GPU answers like the same version on the CPU. */
@Tag("gpu")
class GpuServingTest {

    @Test
    void versionServedOnTheGpuMatchesTheCpu() throws Exception {
        assertThat(Engine.getEngine("PyTorch").getGpuCount()).isPositive();
        ModelVersionSpec spec = TestModels.spec("gpu", "v1", 0.5);
        byte[] params = TestModels.spreadNetParams(3, 5);
        float[] pixels = new float[TestModels.INPUT * TestModels.INPUT];
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        ServingSettings settings = new ServingSettings(16, Duration.ofMillis(5), 64, 1, 1);
        ServedModel cpu = ServedModel.start(spec, ModelArtifacts.load(spec, params, Device.cpu()), settings,
                new Quiet());
        ServedModel gpu = ServedModel.start(spec, ModelArtifacts.load(spec, params, Device.gpu()), settings,
                new Quiet());
        try {
            float[] a = cpu.predict(SpreadInput.prepared(pixels), Duration.ofSeconds(30));
            float[] b = gpu.predict(SpreadInput.prepared(pixels), Duration.ofSeconds(30));
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-3f));
            }
        } finally {
            cpu.retire(Duration.ofSeconds(5));
            gpu.retire(Duration.ofSeconds(5));
        }
    }

    private static final class Quiet implements BatchListener {
        @Override
        public void batchDone(String version, int size, long nanos) {
        }

        @Override
        public void batchFailed(String version, int size, Exception e) {
        }
    }
}
