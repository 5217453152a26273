package org.karyoloop.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.karyoloop.training.engine.CheckpointRule;
import org.karyoloop.training.engine.LossKind;

/** Settings of the training role: trigger policy, job supervision, dataset assembly and training. */
@ConfigMapping(prefix = "karyoloop.training")
public interface TrainingConfig {

    /** The model family training produces versions of. */
    @WithDefault("metaphase-quality")
    String modelName();

    /** Whether this process runs the job worker (off in a process that only consumes, and in tests that drive it). */
    @WithDefault("true")
    boolean workerEnabled();

    /** New final labels since the last job that request a job on their own. */
    @WithDefault("200")
    int minNewLabels();

    /** Longest time between jobs while labels keep arriving. */
    @WithDefault("24h")
    Duration maxInterval();

    /** Fewest new labels for the interval trigger. */
    @WithDefault("10")
    int minLabelsForInterval();

    /** Population stability index of a source's background level (recent vs training) that counts as drift. */
    @WithDefault("0.25")
    double driftPsi();

    /** Fewest recent images of a source before its drift is judged. */
    @WithDefault("200")
    int minDriftSamples();

    /** How often the policy (interval, drift), the watchdog and the queue are checked. */
    @WithDefault("30s")
    Duration pollInterval();

    /** How often a running job writes its heartbeat and reads cancellation. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** A RUNNING job whose heartbeat is older than this is marked FAILED (its process died). */
    @WithDefault("2m")
    Duration staleAfter();

    /** Side of the square model input in pixels (CNN architectures; measurements have their own size). */
    @WithDefault("96")
    int inputSize();

    /**
     * Network to train: spreadmeasures-v1 (a small network over the spread's measurements: chromosome count,
     * merged and crossing objects, focus, condensation; the one that reaches the lab's operating point,
     * bench/README.md), spreadnet-v1 (CNN over pixels, average-pooled head) or spreadnet-v2 (average and max
     * pooled head).
     */
    @WithDefault("spreadmeasures-v1")
    String architecture();

    /** Whether the preprocessing recipe crops a square around the spread before scaling to the input size. */
    @WithDefault("false")
    boolean cropToSpread();

    /** Share of augmented training inputs that are also blurred (keep 0 when inputs are cropped to the spread). */
    @WithDefault("0.25")
    double blurShare();

    /**
     * Training epochs per job. 30 suits spreadmeasures-v1 (seconds per job); a CNN at 96 x 96 needs fewer (6)
     * and takes minutes per epoch on a CPU.
     */
    @WithDefault("30")
    int epochs();

    /**
     * Fewest examples an epoch draws (class-balanced, with repeats), so that a small label set still gets enough
     * steps; an epoch is the training set when that is larger.
     */
    @WithDefault("2048")
    int minSamplesPerEpoch();

    /** Examples per training step. */
    @WithDefault("32")
    int batchSize();

    /** Adam learning rate. */
    @WithDefault("0.001")
    float learningRate();

    /**
     * Loss: CROSS_ENTROPY (the default: with spreadmeasures-v1 it kept GOOD precision higher than FOCAL in
     * bench/quality.sh), FOCAL or NNPU (legacy negatives as unlabeled).
     */
    @WithDefault("CROSS_ENTROPY")
    LossKind loss();

    /** Loss weight of legacy GOOD/FAIR labels (doctor labels weigh 1). */
    @WithDefault("0.7")
    float legacyWeight();

    /** Loss weight of legacy POOR labels, the noisy negatives; 0 excludes them. */
    @WithDefault("0.3")
    float legacyNegativeWeight();

    /** Share of truly acceptable spreads among legacy negatives (nnPU class prior). */
    @WithDefault("0.1")
    float puPrior();

    /** GOOD precision the calibrated threshold must reach for a candidate to be eligible. */
    @WithDefault("0.90")
    double targetPrecision();

    /**
     * z of the Wilson lower bound of validation GOOD precision that must meet {@code target-precision} for a
     * threshold to count (0 = the point estimate; 1 = a one-sided 84% bound, which keeps the threshold's precision
     * on the next set of images near the target instead of half the time below it).
     */
    @WithDefault("1.0")
    double calibrationZ();

    /**
     * Which parameters a job keeps, its GOOD threshold then calibrated on them: {@code AVERAGE} (the mean of the
     * second half of the epochs' parameters), {@code VALIDATION_LOSS} (the epoch of the lowest validation
     * cross-entropy) or {@code CALIBRATED_RECALL} (the epoch whose calibrated threshold shows the best recall on
     * validation, which overstates that threshold's precision on new images).
     */
    @WithDefault("AVERAGE")
    CheckpointRule checkpoint();

    /** Fewest validation GOOD predictions a threshold must make to count. */
    @WithDefault("5")
    int minPredictedGood();

    /** Whether a job starts from the latest registered version's parameters (same architecture and size). */
    @WithDefault("true")
    boolean warmStart();

    /** Seed of sampling and augmentation. */
    @WithDefault("1")
    long seed();
}
