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

    /** Where training job requests go ({@code TrainingRequested}); training consumes them. */
    String trainingRequests();

    /** Where new candidate model versions are announced ({@code ModelCandidateRegistered}). */
    String modelsCandidates();
}
