package org.karyoloop.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;
import org.karyoloop.ml.data.SplitConfig;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.preprocess.Preprocessor;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.training.DatasetAssembler.Dataset;
import org.karyoloop.training.engine.Evaluation;
import org.karyoloop.training.engine.Example;
import org.karyoloop.training.engine.SpreadTrainer;
import org.karyoloop.training.engine.TrainedModel;
import org.karyoloop.training.engine.TrainerOptions;
import org.karyoloop.training.persistence.TrainingData;
import org.karyoloop.training.persistence.TrainingJob;
import org.karyoloop.training.persistence.TrainingJob.Status;

/**
 * Runs one claimed job: assembles the data set from final labels, trains (warm-started from the latest
 * registered version when it fits), evaluates the kept checkpoint on the frozen evaluation set through
 * the registry's loader (the path scoring uses), registers the version and hands the outcome to
 * {@link CandidateRecorder}. Thread-safe (stateless); the worker runs one job at a time.
 */
@ApplicationScoped
public class TrainingJobRunner {

    private static final Logger LOG = Logger.getLogger(TrainingJobRunner.class);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TrainingConfig config;
    private final SplitConfig split;
    private final TrainingData data;
    private final ExampleLoader loader;
    private final ModelRegistry registry;
    private final CandidateRecorder recorder;
    private final TrainingJobs jobs;

    public TrainingJobRunner(TrainingConfig config, SplitConfig split, TrainingData data, ExampleLoader loader,
            ModelRegistry registry, CandidateRecorder recorder, TrainingJobs jobs) {
        this.config = config;
        this.split = split;
        this.data = data;
        this.loader = loader;
        this.registry = registry;
        this.recorder = recorder;
        this.jobs = jobs;
    }

    /** Runs {@code job} to its end state; never throws. */
    public void run(TrainingJob job, BooleanSupplier cancelled) {
        try {
            execute(job, cancelled);
        } catch (CancellationException e) {
            jobs.end(job.id, Status.CANCELLED, e.getMessage());
        } catch (NotEnoughLabelsException e) {
            LOG.warnf("training job %s: %s", job.id, e.getMessage());
            jobs.end(job.id, Status.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "training job %s failed", job.id);
            jobs.end(job.id, Status.FAILED, e.toString());
        }
    }

    private void execute(TrainingJob job, BooleanSupplier cancelled) {
        PreprocessRecipe recipe = SpreadNet.recipe(config.architecture(), config.inputSize(), config.cropToSpread());
        Preprocessor preprocessor = new Preprocessor(recipe);
        Dataset dataset = new DatasetAssembler(split.slideSplit(), config.legacyWeight(), config.legacyNegativeWeight())
                .assemble(data.labelledImages());
        List<Example> train = loader.load(dataset.train(), preprocessor);
        List<Example> validation = loader.load(dataset.validation(), preprocessor);
        List<Example> evaluation = loader.load(dataset.evaluation(), preprocessor);
        if (train.isEmpty() || validation.isEmpty()) {
            throw new NotEnoughLabelsException(train.size(), validation.size());
        }
        Optional<ModelVersionSpec> parent = registry.list(job.modelName).stream().reduce((a, b) -> b);
        byte[] warm = parent.filter(p -> config.warmStart() && p.artifactFormat() == ArtifactFormat.DJL
                && config.architecture().equals(p.architecture()) && p.preprocessing().equals(recipe))
                .map(registry::artifact).orElse(null);
        TrainerOptions options = new TrainerOptions(config.epochs(), config.batchSize(), config.learningRate(),
                config.loss(), 2f, config.puPrior(), true, true, config.targetPrecision(), config.minPredictedGood(),
                config.calibrationZ(), Math.max(train.size(), config.minSamplesPerEpoch()), config.seed(),
                config.blurShare(), config.checkpoint());
        LOG.infof("job %s: training on %d, validating on %d, evaluating on %d images (%s, warm start: %s)", job.id,
                train.size(), validation.size(), evaluation.size(), options.loss(), warm != null);
        TrainedModel trained = new SpreadTrainer(recipe, options, config.architecture()).train(train,
                validation, warm, cancelled, m -> LOG.infof("job %s: %s", job.id, m));
        String version = "v" + LocalDateTime.now(ZoneOffset.UTC).format(VERSION) + "-"
                + job.id.toString().substring(0, 8);
        ModelVersionSpec spec = new ModelVersionSpec(job.modelName, version, ArtifactFormat.DJL, null,
                config.architecture(), recipe, SpreadTrainer.CLASSES, trained.calibration().threshold(),
                null, parent.map(ModelVersionSpec::version).orElse(null),
                org.karyoloop.ml.registry.ModelOrigin.TRAINED, job.id.toString(), "training");
        Evaluation frozen = evaluation.isEmpty() ? null : evaluate(spec, trained.artifact(), evaluation);
        CandidateReport report = CandidateReport.of(trained, frozen, config.targetPrecision(),
                config.minPredictedGood(), train.size(),
                validation.size(), evaluation.size());
        ModelVersionSpec registered = registry.register(withMetrics(spec, report), trained.artifact());
        recorder.record(job.id, registered, report);
    }

    /** Results of the kept checkpoint on {@code examples}, loaded and run exactly as scoring does. */
    private static Evaluation evaluate(ModelVersionSpec spec, byte[] artifact, List<Example> examples) {
        float[][] probabilities = new float[examples.size()][];
        int length = spec.preprocessing().inputLength();
        try (Model model = ModelArtifacts.load(spec, artifact, Device.cpu());
                Predictor<SpreadInput, float[]> predictor = model.newPredictor(spec.translator())) {
            for (int i = 0; i < examples.size(); i++) {
                float[] input = new float[length];
                examples.get(i).copyTo(input, 0);
                probabilities[i] = predictor.predict(SpreadInput.prepared(input));
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("evaluating the candidate failed", e);
        }
        return Evaluation.of(probabilities, Evaluation.labels(examples), spec.goodThreshold());
    }

    private static ModelVersionSpec withMetrics(ModelVersionSpec s, CandidateReport report) {
        return new ModelVersionSpec(s.modelName(), s.version(), s.artifactFormat(), s.artifactSha256(),
                s.architecture(), s.preprocessing(), s.classes(), s.goodThreshold(), report.registryMetrics(),
                s.parentVersion(), s.origin(), s.trainingJob(), s.createdBy());
    }
}
