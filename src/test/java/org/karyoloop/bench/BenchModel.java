package org.karyoloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelVersionSpec;

/** Writes the benchmark's model: a freshly initialised SpreadNet (96 x 96, 3 classes) as DJL .params. */
public final class BenchModel {

    private BenchModel() {
    }

    /** The metadata of the benchmark's model: SpreadNet v1, the standard recipe at 96 x 96, GOOD/FAIR/POOR, imported. */
    static ModelVersionSpec spec(String modelName) {
        return new ModelVersionSpec(modelName, "v1", ArtifactFormat.DJL, null, SpreadNet.V1,
                PreprocessRecipe.standard(96), List.of("GOOD", "FAIR", "POOR"), 0.5, Map.of(), null,
                ModelOrigin.IMPORTED, null, "bench");
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Engine.getEngine("PyTorch").setRandomSeed(42);
        try (Model model = Model.newInstance("bench", Device.cpu(), "PyTorch")) {
            model.setBlock(SpreadNet.build(SpreadNet.V1, 3));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 96, 96));
            model.save(out.getParent(), "bench");
            Files.move(out.getParent().resolve("bench-0000.params"), out,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
