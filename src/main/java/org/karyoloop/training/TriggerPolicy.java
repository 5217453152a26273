package org.karyoloop.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a training job should be requested now: enough new adjudicated labels since the
 * last job, or the maximum interval passed with at least a few new labels, or the recent images of a
 * source drifted from the training set's (population stability index of the background level).
 * Pure and deterministic; thread-safe (immutable).
 *
 * @param minNewLabels new final labels that trigger a job on their own
 * @param maxInterval longest time between jobs while labels keep arriving
 * @param minLabelsForInterval fewest new labels for the interval trigger (a job with nothing new is waste)
 * @param driftPsi PSI of a source at or above which it has drifted
 * @param minDriftSamples fewest recent images of a source before its PSI counts
 */
public record TriggerPolicy(int minNewLabels, Duration maxInterval, int minLabelsForInterval, double driftPsi,
        int minDriftSamples) {

    /** What the policy looks at. */
    public record Snapshot(int newLabels, Instant lastJobAt, Instant now, Map<String, SourceDrift> drift) {
    }

    /** A source's drift: its PSI and how many recent images it rests on. */
    public record SourceDrift(double psi, long recentSamples) {
    }

    /** Why a job is requested: {@code labels}, {@code interval} or {@code drift}, in words. */
    public record Decision(String trigger, String reason) {
    }

    public TriggerPolicy {
        if (minNewLabels < 1 || minLabelsForInterval < 1 || maxInterval.isNegative() || driftPsi <= 0) {
            throw new IllegalArgumentException("thresholds must be positive");
        }
    }

    /** A decision to request a job, or empty. */
    public Optional<Decision> evaluate(Snapshot s) {
        if (s.newLabels() >= minNewLabels) {
            return Optional.of(new Decision("labels", s.newLabels() + " new labels since the last job (>= "
                    + minNewLabels + ")"));
        }
        if (s.newLabels() >= minLabelsForInterval && s.lastJobAt() != null
                && !s.lastJobAt().plus(maxInterval).isAfter(s.now())) {
            return Optional.of(new Decision("interval", s.newLabels() + " new labels and " + maxInterval
                    + " since the last job"));
        }
        for (Map.Entry<String, SourceDrift> e : new java.util.TreeMap<>(s.drift()).entrySet()) {
            SourceDrift d = e.getValue();
            if (d.recentSamples() >= minDriftSamples && d.psi() >= driftPsi) {
                return Optional.of(new Decision("drift", String.format(java.util.Locale.ROOT,
                        "source %s drifted: PSI %.3f >= %.3f over %d recent images", e.getKey(), d.psi(),
                        driftPsi, d.recentSamples())));
            }
        }
        return Optional.empty();
    }
}
