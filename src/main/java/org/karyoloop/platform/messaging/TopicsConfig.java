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

    /** The compacted rollout state per model, written only by the rollout role. */
    String modelsRollout();

    /** Where the annotation role's {@code LabelSubmitted} events go. */
    String labelsSubmitted();

    /** Where the sampling role's {@code LabelingRequested} events go. */
    String labelingRequests();

    /** Dead letters of labeling.requests (annotation's consumer). */
    String labelingRequestsDlq();

    /** Dead letters of images.scored (sampling's consumer). */
    String imagesScoredDlq();

    /** Dead letters of labels.submitted (sampling's consumer). */
    String labelsSubmittedDlq();
    /** Where {@code ImageScored} events go (scoring, through the outbox). */
    String imagesScored();

    /** Dead letters of images.ingested: events scoring cannot process, with the reason. */
    String imagesIngestedDlq();

    /** Dead letters of models.rollout. */
    String modelsRolloutDlq();

    /** Where scoring replicas report {@code ModelServingChanged} (loaded, retired, failed to load). */
    String modelsServing();
    /** Where training job requests go ({@code TrainingRequested}); training consumes them. */
    String trainingRequests();

    /** Dead letters of training.requests (training's consumer). */
    String trainingRequestsDlq();

    /** Where new candidate model versions are announced ({@code ModelCandidateRegistered}). */
    String modelsCandidates();

    /** Dead letters of models.candidates (rollout's consumer). */
    String modelsCandidatesDlq();

    /** Dead letters of models.serving (rollout's consumer). */
    String modelsServingDlq();
}
