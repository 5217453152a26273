package org.karyoloop.platform.messaging;

/**
 * Names of the SmallRye channels, one per Kafka topic: the channel is the topic name with dashes
 * ({@code images-raw} reads {@code images.raw}); the topic itself is set only in configuration and in
 * kafka/topics.tsv. Tests reuse these constants.
 */
public final class Channels {

    /** Ingest consumes raw images (bytes or claim checks) from microscopes. */
    public static final String IMAGES_RAW = "images-raw";

    /** Scoring consumes ingested images. */
    public static final String IMAGES_INGESTED = "images-ingested";

    private Channels() {
    }
}
