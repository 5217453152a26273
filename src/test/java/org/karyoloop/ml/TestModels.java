package org.karyoloop.ml;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelVersionSpec;

/** Small models made in the test (random weights, nothing downloaded) and their metadata. */
public final class TestModels {

    /** Test models take 64 x 64 inputs: fast on two cores. */
    public static final int INPUT = 64;
    public static final List<String> CLASSES = List.of("GOOD", "FAIR", "POOR");

    private TestModels() {
    }

    /** The DJL .params bytes of a freshly initialised {@link SpreadNet#V1} with {@code classes} outputs. */
    public static synchronized byte[] spreadNetParams(int classes, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        try (Model model = Model.newInstance("test", Device.cpu(), "PyTorch")) {
            Block block = SpreadNet.build(SpreadNet.V1, classes);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, INPUT, INPUT));
            Path dir = Files.createTempDirectory("test-model-");
            model.save(dir, "test");
            Path params = dir.resolve("test-0000.params");
            byte[] bytes = Files.readAllBytes(params);
            Files.delete(params);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Metadata of a DJL SpreadNet version with the standard recipe at {@link #INPUT}. */
    public static ModelVersionSpec spec(String modelName, String version, double goodThreshold) {
        return new ModelVersionSpec(modelName, version, ArtifactFormat.DJL, null, SpreadNet.V1,
                PreprocessRecipe.standard(INPUT), CLASSES, goodThreshold, Map.of("good_precision", 0.9), null,
                ModelOrigin.TRAINED, "test", "test");
    }
}
