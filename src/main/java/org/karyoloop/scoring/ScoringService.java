package org.karyoloop.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.ml.GradeRule;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.scoring.serving.Lease;
import org.karyoloop.scoring.serving.ModelSwitchboard;
import org.karyoloop.scoring.serving.ServedModel;

/**
 * Scores one ingested image: skip it if already decided, route it (stable, canary, or none in cold
 * start), announce it to the versions' micro-batchers, fetch and decode its bytes, measure the spread once
 * ({@link SpreadMeter}, as the recorded modality; also in cold start), preprocess on the caller's thread (a
 * measuring model reads that measurement), wait for the micro-batched inference, grade (never GOOD for what is not a
 * spread), and record decision and shadow score with their events (group commit: {@link PredictionWriter}). Thread-safe; many consumer threads
 * call it at once, which is what fills the batches, while a fair semaphore lets at most
 * {@code preprocess-parallelism} of them (default: one per core) decode and preprocess at a time, in the order they
 * asked, so that the inference thread keeps its share of the cores and no image is overtaken while it waits.
 */
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);
    // Ingest enforced its limits already; these only guard against a blob that changed underneath.
    private static final ImageDecoder DECODER = new ImageDecoder(new ImageLimits(1L << 31, ImageLimits.PIXEL_CEILING));

    private final ModelSwitchboard switchboard;
    private final PredictionWriter writer;
    private final BlobStore blobs;
    private final ScoringMetrics metrics;
    private final ScoringConfig config;
    private final Semaphore preprocessing;

    public ScoringService(ModelSwitchboard switchboard, PredictionWriter writer, BlobStore blobs,
            ScoringMetrics metrics, ScoringConfig config) {
        this.switchboard = switchboard;
        this.writer = writer;
        this.blobs = blobs;
        this.metrics = metrics;
        this.config = config;
        int parallelism = config.preprocessParallelism().orElse(Runtime.getRuntime().availableProcessors());
        if (parallelism < 1) {
            throw new IllegalArgumentException("karyoloop.scoring.preprocess-parallelism must be at least 1, not "
                    + parallelism);
        }
        // fair: images get their decoding slot in the order they asked for it; an unfair semaphore let a worker back
        // from its commit overtake images already waiting, which then waited round after round (the latency's tail)
        this.preprocessing = new Semaphore(parallelism, true);
    }

    /**
     * Scores {@code image} once.
     *
     * @throws UnscorableImageException its bytes are missing or undecodable (permanent)
     */
    public void score(ImageIngested image) throws UnscorableImageException, InterruptedException {
        if (writer.decided(image.imageId())) {
            metrics.duplicate();
            return;
        }
        long start = System.nanoTime();
        try (Lease lease = switchboard.lease(image.imageId())) {
            ServedModel primary = lease.decision().primary();
            ServedModel shadow = lease.decision().shadow();
            ScoredImage decision = null;
            ScoredImage shadowScore = null;
            SpreadMeasurement measured;
            if (primary != null) {
                // Announced before waiting for a decoding slot: the batcher waits for these rather than run short.
                try (ServedModel.Expected primaryInput = primary.expect();
                        ServedModel.Expected shadowExpected = shadow == null ? null : shadow.expect()) {
                    SpreadInput input;
                    SpreadInput shadowInput = null;
                    preprocessing.acquire();
                    try {
                        DecodedImage decoded = decode(image);
                        measured = measure(image, decoded);
                        long cpu = ScoringMetrics.threadCpuNanos();
                        input = prepare(primary, decoded, measured);
                        if (shadow != null) {
                            shadowInput = prepareShadow(shadow, decoded, measured);
                        }
                        metrics.stageCpu(ScoringMetrics.Stage.PREPROCESS, cpu);
                    } finally {
                        preprocessing.release();
                    }
                    decision = run(primary, primaryInput, lease.decision().arm(), input, measured);
                    if (shadowInput != null) {
                        shadowScore = runShadow(shadow, shadowExpected, shadowInput, measured);
                    }
                }
            } else {
                // Measured without a model too, so that sampling does not send a blank frame to doctors at cold start.
                preprocessing.acquire();
                try {
                    measured = measure(image, decode(image));
                } finally {
                    preprocessing.release();
                }
            }
            if (!recordOnce(image, lease, measured, decision, shadowScore)) {
                metrics.duplicate();
                return;
            }
            if (!measured.spread()) {
                metrics.notSpread(measured.reason());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            metrics.scored(decision == null ? "none" : primary.version(), lease.decision().arm(),
                    decision == null ? "none" : decision.grade().name(), took);
            if (shadowScore != null) {
                metrics.scored(shadow.version(), "shadow", shadowScore.grade().name(), took);
            }
        }
    }

    private ScoredImage run(ServedModel model, ServedModel.Expected expected, String arm, SpreadInput input,
            SpreadMeasurement measured) throws InterruptedException {
        try {
            float[] p = expected.predict(input, config.submitTimeout());
            // What is not a spread is unusable whatever the model says: POOR, the lab's grade for unusable.
            Grade grade = measured.spread() ? model.gradeRule().grade(p) : Grade.POOR;
            return new ScoredImage(model.spec(), arm, p, grade, GradeRule.uncertainty(p));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            metrics.error(model.version(), "predict");
            throw new IllegalStateException("scoring with " + model.spec().id() + " failed: " + e, e);
        }
    }

    /** A shadow failure is counted, never allowed to change or block the decision. */
    private ScoredImage runShadow(ServedModel shadow, ServedModel.Expected expected, SpreadInput input,
            SpreadMeasurement measured) throws InterruptedException {
        try {
            return run(shadow, expected, "shadow", input, measured);
        } catch (IllegalStateException e) {
            LOG.debugf("shadow %s failed: %s", shadow.version(), e.getMessage());
            return null;
        }
    }

    /** A measuring model reads the measurement already made; a pixel model preprocesses the image. */
    private SpreadInput prepare(ServedModel model, DecodedImage decoded, SpreadMeasurement measured) {
        try {
            return model.spec().preprocessing().measure() ? SpreadInput.prepared(measured.features().clone())
                    : model.prepare(decoded);
        } catch (RuntimeException e) {
            metrics.error(model.version(), "predict");
            throw new IllegalStateException("preprocessing for " + model.spec().id() + " failed: " + e, e);
        }
    }

    /** Like the shadow's scoring: a failure is counted and leaves the decision alone. */
    private SpreadInput prepareShadow(ServedModel shadow, DecodedImage decoded, SpreadMeasurement measured) {
        try {
            return prepare(shadow, decoded, measured);
        } catch (IllegalStateException e) {
            LOG.debugf("shadow %s failed: %s", shadow.version(), e.getMessage());
            return null;
        }
    }

    private boolean recordOnce(ImageIngested image, Lease lease, SpreadMeasurement measured, ScoredImage decision,
            ScoredImage shadow) {
        long cpu = ScoringMetrics.threadCpuNanos();
        try {
            return writer.record(image, lease, measured, decision, shadow);
        } catch (RuntimeException e) {
            if (writer.decided(image.imageId())) {
                return false; // a concurrent delivery of the same image won the unique index
            }
            metrics.error(decision == null ? "none" : decision.version().version(), "commit");
            throw e;
        } finally {
            // a group commit runs on one of its workers' threads: the others wait, and that one's time counts here
            metrics.stageCpu(ScoringMetrics.Stage.COMMIT, cpu);
        }
    }

    /** The spread measured once per image, as the modality ingest recorded (detected when the event has none). */
    private SpreadMeasurement measure(ImageIngested image, DecodedImage decoded) throws UnscorableImageException {
        long cpu = ScoringMetrics.threadCpuNanos();
        try {
            return SpreadMeter.measure(decoded, image.modality() == null ? null : Modality.parse(image.modality()));
        } catch (RuntimeException e) {
            // A pure function of the bytes: trying again would fail again.
            metrics.error("none", "measure");
            throw new UnscorableImageException("unmeasurable", "measuring the spread failed: " + e);
        } finally {
            metrics.stageCpu(ScoringMetrics.Stage.MEASURE, cpu);
        }
    }

    private DecodedImage decode(ImageIngested image) throws UnscorableImageException {
        long cpu = ScoringMetrics.threadCpuNanos();
        try {
            return decodeBlob(image);
        } finally {
            metrics.stageCpu(ScoringMetrics.Stage.DECODE, cpu);
        }
    }

    private DecodedImage decodeBlob(ImageIngested image) throws UnscorableImageException {
        byte[] bytes;
        try (InputStream in = blobs.open(image.sha256()).orElse(null)) {
            if (in == null) {
                throw new UnscorableImageException("blob-missing", "no blob " + image.sha256() + " in this store");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("blob store read failed", e);
        }
        try {
            return DECODER.decode(bytes);
        } catch (ImageRejectedException e) {
            metrics.error("none", "decode");
            throw new UnscorableImageException("undecodable", e.reason().code() + ": " + e.detail());
        }
    }
}
