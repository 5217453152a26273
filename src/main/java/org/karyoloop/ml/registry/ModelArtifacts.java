package org.karyoloop.ml.registry;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.registry.ModelArtifactRejectedException.Reason;

/**
 * Loads a version's artifact bytes into a DJL model on the PyTorch engine (DJL parameters into the
 * architecture built in code, or a TorchScript module as is) and probes it: a zero input of the
 * declared size must give one finite logit per declared class. A model over the spread measurements trained on
 * another release's measurements is refused before it loads ({@link PreprocessRecipe#incompatibility()}).
 * Stateless; thread-safe.
 */
public final class ModelArtifacts {

    private static final String PREFIX = "model";

    private ModelArtifacts() {
    }

    /** Loads and probes; the caller closes the model. */
    public static Model load(ModelVersionSpec spec, byte[] artifact, Device device) {
        Path dir = null;
        Model model = null;
        try {
            dir = Files.createTempDirectory("karyoloop-model-");
            String incompatible = spec.preprocessing().incompatibility();
            if (incompatible != null) {
                throw new ModelArtifactRejectedException(Reason.INVALID_METADATA, spec.id() + ": " + incompatible);
            }
            model = Model.newInstance(spec.id(), device, "PyTorch");
            if (spec.artifactFormat() == ArtifactFormat.DJL) {
                if (!SpreadNet.knows(spec.architecture())) {
                    throw new ModelArtifactRejectedException(Reason.INVALID_METADATA,
                            "DJL artifacts need an architecture built in code, not " + spec.architecture());
                }
                if (artifact.length < 4 || artifact[0] != 'D' || artifact[1] != 'J' || artifact[2] != 'L'
                        || artifact[3] != '@') {
                    throw new ModelArtifactRejectedException(Reason.UNLOADABLE,
                            spec.id() + " is not a DJL parameter file (no DJL@ header)");
                }
                model.setBlock(SpreadNet.build(spec.architecture(), spec.classes().size()));
                Files.write(dir.resolve(PREFIX + "-0000.params"), artifact);
            } else {
                Files.write(dir.resolve(PREFIX + ".pt"), artifact);
            }
            model.load(dir, PREFIX);
            // A DJL block built in code must have had every parameter set by the file. A TorchScript module
            // carries its own (DJL's PtSymbolBlock never reports itself initialized); the probe checks it.
            if (spec.artifactFormat() == ArtifactFormat.DJL && !model.getBlock().isInitialized()) {
                throw new ModelArtifactRejectedException(Reason.UNLOADABLE, spec.id() + " left parameters unset");
            }
            probe(model, spec);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (model != null) {
                model.close();
            }
            if (e instanceof ModelArtifactRejectedException rejected) {
                throw rejected;
            }
            throw new ModelArtifactRejectedException(Reason.UNLOADABLE,
                    spec.id() + " (" + spec.artifactFormat() + ") does not load: " + e, e);
        } finally {
            delete(dir);
        }
    }

    private static void probe(Model model, ModelVersionSpec spec) {
        Shape input = new Shape(1).addAll(spec.preprocessing().inputShape());
        String shown = input.toString();
        Shape expected = new Shape(1, spec.classes().size());
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            NDList out = predictor.predict(new NDList(manager.zeros(input)));
            NDArray logits = out.get(0);
            if (out.size() != 1 || !logits.getShape().equals(expected)) {
                throw new ModelArtifactRejectedException(Reason.WRONG_SHAPE, spec.id() + " answers a probe of "
                        + shown + " with " + out.getShapes() + ", declared " + expected);
            }
            for (float v : logits.toFloatArray()) {
                if (!Float.isFinite(v)) {
                    throw new ModelArtifactRejectedException(Reason.WRONG_SHAPE,
                            spec.id() + " answers a probe with non-finite values");
                }
            }
        } catch (TranslateException e) {
            throw new ModelArtifactRejectedException(Reason.WRONG_SHAPE,
                    spec.id() + " fails on a probe input of " + shown + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
