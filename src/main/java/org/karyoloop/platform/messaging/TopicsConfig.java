package org.karyoloop.platform.messaging;

import io.smallrye.config.ConfigMapping;

/**
 * Topics written outside SmallRye channels (through the outbox or as dead letters). Set in
 * application.properties; they must match kafka/topics.tsv.
 */
@ConfigMapping(prefix = "karyoloop.topics")
public interface TopicsConfig {

    /** Where {@code ImageIngested} events go. */
    String imagesIngested();

    /** Dead letters of images.raw: original bytes and headers plus the reason. */
    String imagesDlq();

    /** Where {@code ImageScored} events go (scoring, through the outbox). */
    String imagesScored();

    /** Dead letters of images.ingested: events scoring cannot process, with the reason. */
    String imagesIngestedDlq();

    /** The compacted rollout state per model, followed by every scoring replica. */
    String modelsRollout();

    /** Dead letters of models.rollout. */
    String modelsRolloutDlq();

    /** Where scoring replicas report {@code ModelServingChanged} (loaded, retired, failed to load). */
    String modelsServing();
}
