package org.karyoloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.preprocess.SpreadTranslator;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelVersionSpec;

/**
 * What one batchPredict of the scoring benchmark's model costs per batch size, on an otherwise idle core set:
 * the figure behind "small batches are expensive" in bench/README.md. Inputs are already preprocessed (no
 * decoding); each size runs 256 images' worth of batches (at least 3) twice, the second round is printed.
 * Usage (after bench/scoring.sh wrote .run/bench-model.params; the intra-op threads follow -Dai.djl.pytorch.num_threads):
 * {@code java $KARYOLOOP_DJL_OPTS -cp "$CP" org.karyoloop.bench.InferenceCost .run/bench-model.params}
 */
public final class InferenceCost {

    private InferenceCost() {
    }

    public static void main(String[] args) throws Exception {
        byte[] params = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : ".run/bench-model.params"));
        ModelVersionSpec spec = BenchModel.spec("bench");
        SpreadTranslator translator = spec.translator();
        try (Model model = ModelArtifacts.load(spec, params, Device.cpu());
                Predictor<SpreadInput, float[]> predictor = model.newPredictor(translator)) {
            float[] pixels = new float[(int) translator.inputShape().size()];
            for (int round = 0; round < 2; round++) {
                for (int batch : new int[] {1, 2, 4, 8, 16, 32, 64}) {
                    List<SpreadInput> inputs = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        inputs.add(SpreadInput.prepared(pixels));
                    }
                    int reps = Math.max(3, 256 / batch);
                    long t0 = System.nanoTime();
                    for (int r = 0; r < reps; r++) {
                        predictor.batchPredict(inputs);
                    }
                    double ms = (System.nanoTime() - t0) / 1e6 / reps;
                    if (round == 1) {
                        System.out.printf("batch %2d: %.2f ms per batch, %.2f ms per image%n", batch, ms, ms / batch);
                    }
                }
            }
        }
    }
}
