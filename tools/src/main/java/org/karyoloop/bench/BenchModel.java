package org.karyoloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.smallrye.config.WithDefault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.training.TrainingConfig;

/**
 * Writes the benchmark's model as DJL .params, freshly initialised, 3 classes: the architecture in the environment
 * variable {@code KARYOLOOP_BENCH_ARCH} (the scripts set it from their {@code --cnn} flag), by default the one the
 * training role trains by default ({@code karyoloop.training.architecture}'s default, read from
 * {@link TrainingConfig}); over the 26 spread measurements for spreadmeasures-v1, else over 96 x 96 pixels with the
 * standard recipe.
 */
public final class BenchModel {

    private BenchModel() {
    }

    static String architecture() {
        String arch = System.getenv("KARYOLOOP_BENCH_ARCH");
        return arch == null || arch.isBlank() ? trainedByDefault() : arch;
    }

    /** The architecture training produces when nothing is configured. */
    static String trainedByDefault() {
        try {
            return TrainingConfig.class.getMethod("architecture").getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("TrainingConfig has no architecture setting", e);
        }
    }

    /** The metadata of the benchmark's model: its architecture and recipe, GOOD/FAIR/POOR, imported. */
    static ModelVersionSpec spec(String modelName) {
        String arch = architecture();
        PreprocessRecipe recipe = SpreadNet.recipe(arch, 96, false);
        return new ModelVersionSpec(modelName, "v1", ArtifactFormat.DJL, null, arch, recipe,
                List.of("GOOD", "FAIR", "POOR"), 0.5, Map.of(), null, ModelOrigin.IMPORTED, null, "bench");
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Engine.getEngine("PyTorch").setRandomSeed(42);
        try (Model model = Model.newInstance("bench", Device.cpu(), "PyTorch")) {
            ModelVersionSpec spec = spec("bench");
            model.setBlock(SpreadNet.build(spec.architecture(), 3));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
                    new Shape(1).addAll(spec.preprocessing().inputShape()));
            model.save(out.getParent(), "bench");
            Files.move(out.getParent().resolve("bench-0000.params"), out,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
