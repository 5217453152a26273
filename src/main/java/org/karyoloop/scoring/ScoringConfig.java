package org.karyoloop.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/** Settings of the scoring role. */
@ConfigMapping(prefix = "karyoloop.scoring")
public interface ScoringConfig {

    /** The model family this replica serves; its rollout state is the record with this key on models.rollout. */
    @WithDefault("metaphase-quality")
    String modelName();

    /** Where inference runs: cpu, gpu (fails if none), or auto (a GPU if the engine sees one). */
    @WithDefault("cpu")
    String device();

    /** Largest micro-batch handed to one predict call, in images. */
    @WithDefault("16")
    int maxBatchSize();

    /**
     * Longest an image waits for its micro-batch to fill before the batch runs anyway. The wait only happens while
     * more images are on their way (announced by workers before they decode): an image alone is predicted at once.
     * On CPU an image costs several times more at batch 1–2 than at 16+, and decoding a megapixel takes longer than
     * this.
     */
    @WithDefault("100ms")
    Duration maxBatchDelay();

    /**
     * {@link #maxBatchDelay} for a model that grades the spread's measurements (its recipe measures): a batch of 26
     * numbers per image costs well under a millisecond at any size, while the next image's measurement takes a
     * hundred or more, so waiting for it only adds latency. Default 0: whatever is queued runs at once.
     */
    @WithDefault("0ms")
    Duration measureBatchDelay();

    /** Images waiting for inference per version; a full queue makes the consumer wait (back-pressure). */
    @WithDefault("64")
    int queueCapacity();

    /**
     * Images decoded and preprocessed at once, at most. The consumer runs many more records concurrently (that is
     * what fills the micro-batches), but decoding a megapixel is pure CPU: more decoders than cores only take the
     * cores from the inference thread and from each other. Default: the number of processors the JVM sees
     * (in Kubernetes, the CPU limit).
     */
    OptionalInt preprocessParallelism();

    /** Predictors (each with its own inference thread) per loaded version; never shared across threads. */
    @WithDefault("1")
    int predictors();

    /** Longest a consumer thread waits for room in a full queue before it gives up and retries. */
    @WithDefault("30s")
    Duration submitTimeout();

    /** Longest a retired version may take to finish its in-flight images before it is closed anyway. */
    @WithDefault("60s")
    Duration drainTimeout();

    /** Full-size batches run through each new predictor before it takes traffic. */
    @WithDefault("2")
    int warmupBatches();

    /**
     * Whether images are passed on unscored while no stable version is named: ALLOW, DENY (readiness
     * stays down), or AUTO (allowed while the registry has no version of the model at all).
     */
    @WithDefault("AUTO")
    ColdStart coldStart();

    /** This replica's name in events and prediction rows. */
    @WithDefault("local")
    String replicaId();

    /** When images may be passed on without a model. */
    enum ColdStart { ALLOW, DENY, AUTO }
}
