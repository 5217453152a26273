package org.karyoloop.ml;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import org.junit.jupiter.api.Test;

/**
 * Proves the native setup on a fresh machine: the PyTorch engine loads from the Maven natives with DJL
 * offline (nothing downloaded) and runs a convolution.
 */
class PyTorchEngineTest {

    @Test
    void pytorchEngineLoadsOfflineFromMavenNativesAndRunsAConvolution() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        Engine engine = Engine.getEngine("PyTorch");
        assertThat(engine.getVersion()).startsWith("2.5.1");

        try (NDManager manager = engine.newBaseManager()) {
            Conv2d conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).optPadding(new Shape(1, 1))
                    .build();
            conv.setInitializer(Initializer.ONES, ai.djl.nn.Parameter.Type.WEIGHT);
            conv.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, 8, 8));
            NDArray input = manager.ones(new Shape(1, 1, 8, 8));
            NDArray output = conv.forward(new ParameterStore(manager, false), new NDList(input), false)
                    .singletonOrThrow();

            assertThat(output.getShape()).isEqualTo(new Shape(1, 4, 8, 8));
            // All-ones kernel over all-ones input: 9 inside, 4 in corners (zero padding), plus a zero bias.
            assertThat(output.get(0, 0, 4, 4).getFloat()).isEqualTo(9f);
            assertThat(output.get(0, 0, 0, 0).getFloat()).isEqualTo(4f);
        }
    }
}
