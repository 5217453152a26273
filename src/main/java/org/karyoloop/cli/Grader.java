package org.karyoloop.cli;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import org.karyoloop.events.Grade;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.ml.GradeRule;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.preprocess.SpreadTranslator;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.ml.spread.SpreadMeasurement;

/**
 * One model version loaded on the CPU for the command line, graded the way scoring grades: the version's own
 * translator preprocesses the decoded image with the version's recipe, its grade rule applies its calibrated GOOD
 * threshold. An image that is not a metaphase spread gets probabilities but no grade. Not thread-safe: it holds
 * one DJL predictor, used by the command's one thread.
 */
final class Grader implements AutoCloseable {

    private final ModelVersionSpec spec;
    private final Model model;
    private final SpreadTranslator translator;
    private final Predictor<SpreadInput, float[]> predictor;
    private final GradeRule rule;

    private Grader(ModelVersionSpec spec, Model model) {
        this.spec = spec;
        this.model = model;
        this.translator = spec.translator();
        this.predictor = model.newPredictor(translator);
        this.rule = spec.gradeRule();
    }

    /**
     * Loads and probes {@code artifact} as {@code spec} (as the registry does before it serves a version).
     *
     * @throws org.karyoloop.ml.registry.ModelArtifactRejectedException the artifact does not load or answer
     */
    static Grader load(ModelVersionSpec spec, byte[] artifact) {
        return new Grader(spec, ModelArtifacts.load(spec, artifact, Device.cpu()));
    }

    ModelVersionSpec spec() {
        return spec;
    }

    /** The model's grading of {@code image}, measured as {@code measurement}. */
    Grading grade(DecodedImage image, SpreadMeasurement measurement) throws TranslateException {
        float[] p = predictor.predict(translator.prepare(image));
        Grade grade = measurement.spread() ? rule.grade(p) : null;
        return new Grading(spec.id(), rule.classes(), p, rule.goodThreshold(), grade);
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
