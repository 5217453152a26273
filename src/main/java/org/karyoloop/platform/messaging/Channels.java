package org.karyoloop.platform.messaging;

/**
 * Names of the SmallRye channels, one per Kafka topic: the channel is the topic name with dashes
 * ({@code images-raw} reads {@code images.raw}); the topic itself is set only in configuration and in
 * kafka/topics.tsv. Tests reuse these constants.
 */
public final class Channels {

    /** Ingest consumes raw images (bytes or claim checks) from microscopes. */
    public static final String IMAGES_RAW = "images-raw";

    /** Training consumes final labels (its own channel: sampling and rollout read the same topic). */
    public static final String LABELS_SUBMITTED_TRAINING = "labels-submitted-training";

    /** Training consumes ingested images' statistics (its own channel: scoring reads the same topic). */
    public static final String IMAGES_INGESTED_TRAINING = "images-ingested-training";

    /** Training consumes job requests. */
    public static final String TRAINING_REQUESTS = "training-requests";

    private Channels() {
    }
}
