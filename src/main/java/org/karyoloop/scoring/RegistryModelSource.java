package org.karyoloop.scoring;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import org.karyoloop.ml.registry.ModelArtifactRejectedException;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.scoring.serving.ModelLoadException;
import org.karyoloop.scoring.serving.ModelSource;
import org.karyoloop.scoring.serving.ServedModel;
import org.karyoloop.scoring.serving.ServingSettings;

/** Loads versions for serving from the model registry onto the configured device. Thread-safe (stateless). */
@ApplicationScoped
public class RegistryModelSource implements ModelSource {

    private final ModelRegistry registry;
    private final ScoringConfig config;
    private final ScoringMetrics metrics;

    public RegistryModelSource(ModelRegistry registry, ScoringConfig config, ScoringMetrics metrics) {
        this.registry = registry;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public ServedModel load(String modelName, String version) throws ModelLoadException, InterruptedException {
        ModelVersionSpec spec = registry.find(modelName, version).orElseThrow(
                () -> new ModelLoadException(modelName + ":" + version + " is not registered", null));
        Model model;
        try {
            model = ModelArtifacts.load(spec, registry.artifact(spec), device());
        } catch (ModelArtifactRejectedException e) {
            throw new ModelLoadException(e.reason().code() + ": " + e.getMessage(), e);
        }
        try {
            return ServedModel.start(spec, model, settings(spec), metrics);
        } catch (RuntimeException e) {
            throw new ModelLoadException("warm-up of " + spec.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** A measuring model batches without waiting: its inference is cheap next to the measurement it reads. */
    private ServingSettings settings(ModelVersionSpec spec) {
        Duration delay = spec.preprocessing().measure() ? config.measureBatchDelay() : config.maxBatchDelay();
        return new ServingSettings(config.maxBatchSize(), delay, config.queueCapacity(), config.predictors(),
                config.warmupBatches());
    }

    /** cpu, gpu, or auto (a GPU when the PyTorch engine sees one). */
    Device device() {
        return switch (config.device().toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            case "auto" -> Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("karyoloop.scoring.device must be cpu, gpu or auto, not "
                    + config.device());
        };
    }
}
