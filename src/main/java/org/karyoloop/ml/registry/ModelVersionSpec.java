package org.karyoloop.ml.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.karyoloop.ml.GradeRule;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.preprocess.SpreadTranslator;

/**
 * Everything that defines a model version besides its artifact bytes: what registration takes and
 * what scoring and training read back. Metadata travels with the model, so a version scores the same
 * wherever it is loaded.
 *
 * @param artifactSha256 hex SHA-256 of the artifact; on registration optional, and checked when given
 * @param architecture {@code spreadnet-v1} (built in code, for {@link ArtifactFormat#DJL}) or a
 *                     free description of a TorchScript model's graph
 * @param preprocessing the recipe the model was trained with; its input size is the model's
 * @param classes class names in the order of the model's outputs (GOOD, FAIR and POOR at least)
 * @param goodThreshold calibrated threshold on P(GOOD) for the GOOD decision
 * @param metrics evaluation results by name (e.g. good_precision, good_recall)
 * @param parentVersion the version this one was trained from, or null
 * @param trainingJob the training job that produced it, or null
 */
public record ModelVersionSpec(
        String modelName,
        String version,
        ArtifactFormat artifactFormat,
        String artifactSha256,
        String architecture,
        PreprocessRecipe preprocessing,
        List<String> classes,
        double goodThreshold,
        Map<String, Double> metrics,
        String parentVersion,
        ModelOrigin origin,
        String trainingJob,
        String createdBy) {

    public ModelVersionSpec {
        classes = classes == null ? List.of() : List.copyOf(classes);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** The grade rule of this version (its class order and GOOD threshold). */
    public GradeRule gradeRule() {
        return new GradeRule(classes, goodThreshold);
    }

    /** A translator with this version's preprocessing and class count. */
    public SpreadTranslator translator() {
        return new SpreadTranslator(preprocessing, classes.size());
    }

    /** This spec with the artifact hash set. */
    public ModelVersionSpec withSha256(String sha256) {
        return new ModelVersionSpec(modelName, version, artifactFormat, Objects.requireNonNull(sha256),
                architecture, preprocessing, classes, goodThreshold, metrics, parentVersion, origin, trainingJob,
                createdBy);
    }

    /** A short id for logs and metrics: name:version. */
    public String id() {
        return modelName + ":" + version;
    }
}
