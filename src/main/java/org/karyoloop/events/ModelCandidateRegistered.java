package org.karyoloop.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A training job registered a new model version as a candidate for rollout (topic models.candidates,
 * key = model name). Carries what the rollout role and operators judge it by: the GOOD threshold
 * calibrated on validation, whether it met the precision target (if not, it must not be promoted),
 * the results on the frozen new-domain evaluation set, and every epoch's metrics.
 *
 * @param eligible whether a threshold met {@code targetPrecision} on validation
 * @param validation metrics on validation at the calibrated threshold (good_precision, good_recall,
 *     good_precision_lower_bound, accuracy, ...)
 * @param evaluation the same on the frozen evaluation set (never trained on); empty if it has no images
 * @param confusion 3x3 counts on the frozen evaluation set (or validation if empty), rows true grade,
 *     columns predicted grade, in {@code classes} order
 */
public record ModelCandidateRegistered(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String modelName,
        String modelVersion,
        UUID jobId,
        String parentVersion,
        String artifactSha256,
        List<String> classes,
        double goodThreshold,
        double targetPrecision,
        boolean eligible,
        Map<String, Double> validation,
        Map<String, Double> evaluation,
        int[][] confusion,
        List<Epoch> epochs) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;

    /** One epoch of the job: the row of the lab's experiment table. */
    public record Epoch(int epoch, String loss, double learningRate, double trainLoss, double accuracy,
            double goodPrecision, double goodRecall, double threshold, boolean eligible) {
    }
}
