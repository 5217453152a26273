package org.karyoloop.platform.messaging;

/**
 * Names of the SmallRye channels, one per Kafka topic: the channel is the topic name with dashes
 * ({@code images-raw} reads {@code images.raw}); the topic itself is set only in configuration and in
 * kafka/topics.tsv. Tests reuse these constants.
 */
public final class Channels {

    /** Ingest consumes raw images (bytes or claim checks) from microscopes. */
    public static final String IMAGES_RAW = "images-raw";

    /** Rollout reads scored images for live canary evidence (its own channel on images.scored). */
    public static final String IMAGES_SCORED_ROLLOUT = "images-scored-rollout";

    /** Rollout reads final labels for live canary evidence (its own channel on labels.submitted). */
    public static final String LABELS_SUBMITTED_ROLLOUT = "labels-submitted-rollout";

    /** Rollout reads candidates announced by training. */
    public static final String MODELS_CANDIDATES = "models-candidates";

    /** Rollout reads scoring replicas' load reports (its own channel on models.serving). */
    public static final String MODELS_SERVING_ROLLOUT = "models-serving-rollout";
    /** Annotation consumes sampling's labeling requests and turns them into tasks. */
    public static final String LABELING_REQUESTS = "labeling-requests";

    /**
     * Sampling consumes scored images (and unscored ones at cold start). A topic that several roles
     * read gets one channel per role, named {@code <topic>-<role>}: in the all-in-one process each
     * role still needs its own consumer group.
     */
    public static final String IMAGES_SCORED_SAMPLING = "images-scored-sampling";

    /** Sampling consumes submitted labels (legacy labels to review, images already labelled). */
    public static final String LABELS_SUBMITTED_SAMPLING = "labels-submitted-sampling";
    /** Scoring consumes ingested images. */
    public static final String IMAGES_INGESTED = "images-ingested";
    /** Training consumes final labels (its own channel: sampling and rollout read the same topic). */
    public static final String LABELS_SUBMITTED_TRAINING = "labels-submitted-training";

    /** Training consumes ingested images' statistics (its own channel: scoring reads the same topic). */
    public static final String IMAGES_INGESTED_TRAINING = "images-ingested-training";

    /** Training consumes job requests. */
    public static final String TRAINING_REQUESTS = "training-requests";

    private Channels() {
    }
}
