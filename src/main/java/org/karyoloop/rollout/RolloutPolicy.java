package org.karyoloop.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.karyoloop.ml.eval.WilsonInterval;

/**
 * Decides whether a canary advances a weight step, is promoted, waits or is rolled back, from live
 * evidence of the canary and of stable, at the clinical operating point: GOOD precision (Wilson lower
 * bound) at or above target, GOOD recall not worse than stable's beyond a tolerance, after enough
 * labels and enough time. Too little evidence waits, and the deadline rolls back: nothing passes by
 * default. Pure and stateless; thread-safe.
 */
public final class RolloutPolicy {

    private final double targetPrecision;
    private final double recallTolerance;
    private final int minLabels;
    private final int minGoodPredictions;
    private final Duration minStepDuration;
    private final Duration deadline;
    private final List<Integer> steps;
    private final Duration maxP99Latency;
    private final int minScoredForLatency;

    public RolloutPolicy(RolloutConfig config) {
        this.targetPrecision = config.targetPrecision();
        this.recallTolerance = config.recallTolerance();
        this.minLabels = config.minCanaryLabels();
        this.minGoodPredictions = config.minCanaryGoodPredictions();
        this.minStepDuration = config.minStepDuration();
        this.deadline = config.canaryDeadline();
        this.steps = List.copyOf(config.weightSteps());
        this.maxP99Latency = config.maxCanaryP99Latency();
        this.minScoredForLatency = config.minCanaryScoredForLatency();
        if (steps.isEmpty() || steps.stream().anyMatch(w -> w < 1 || w > 100)) {
            throw new IllegalArgumentException("weight steps must be 1..100: " + steps);
        }
    }

    /** The weight a new canary starts at. */
    public int firstWeight() {
        return steps.get(0);
    }

    /**
     * @param weight the canary's current weight
     * @param canaryStartedAt when the canary began (the deadline counts from here)
     * @param stepStartedAt when the current weight step began
     * @param canary evidence about the canary version in the canary arm since the canary began
     * @param stable evidence about the stable version (its labelled exploration share)
     */
    public Decision decide(int weight, Instant canaryStartedAt, Instant stepStartedAt, Evidence canary,
            Evidence stable, Instant now) {
        if (canary.scored() >= minScoredForLatency && canary.p99LatencyMs() > maxP99Latency.toMillis()) {
            return Decision.rollBack(String.format(Locale.ROOT, "canary p99 latency %.0f ms exceeds %d ms",
                    canary.p99LatencyMs(), maxP99Latency.toMillis()));
        }
        if (canary.predictedGood() >= minGoodPredictions) {
            double upper = 1 - WilsonInterval.lowerBound95(canary.predictedGood() - canary.truePositives(),
                    canary.predictedGood());
            if (upper < targetPrecision) {
                return Decision.rollBack(String.format(Locale.ROOT,
                        "canary GOOD precision %d/%d: even its 95%% upper bound %.3f is below the target %.2f",
                        canary.truePositives(), canary.predictedGood(), upper, targetPrecision));
            }
        }
        String missing = missingEvidence(canary, stepStartedAt, now);
        if (missing == null) {
            double lower = WilsonInterval.lowerBound95(canary.truePositives(), canary.predictedGood());
            if (lower < targetPrecision) {
                missing = String.format(Locale.ROOT, "GOOD precision lower bound %.3f (%d/%d) not yet at %.2f",
                        lower, canary.truePositives(), canary.predictedGood(), targetPrecision);
            } else if (!Double.isNaN(stable.recall()) && !Double.isNaN(canary.recall())
                    && canary.recall() < stable.recall() - recallTolerance) {
                return Decision.rollBack(String.format(Locale.ROOT,
                        "canary GOOD recall %.3f is worse than stable's %.3f by more than %.2f",
                        canary.recall(), stable.recall(), recallTolerance));
            } else {
                String why = String.format(Locale.ROOT,
                        "GOOD precision lower bound %.3f (%d/%d) >= %.2f, recall %.3f vs stable %.3f, %d labels",
                        lower, canary.truePositives(), canary.predictedGood(), targetPrecision, canary.recall(),
                        stable.recall(), canary.labelled());
                int next = nextWeight(weight);
                return next > 100 ? Decision.promote(why) : Decision.advance(next, why);
            }
        }
        if (!now.isBefore(canaryStartedAt.plus(deadline))) {
            return Decision.rollBack("deadline " + deadline + " passed without enough evidence: " + missing);
        }
        return Decision.waitFor(missing);
    }

    private String missingEvidence(Evidence canary, Instant stepStartedAt, Instant now) {
        if (canary.labelled() < minLabels) {
            return "waiting for labels: " + canary.labelled() + " of " + minLabels;
        }
        if (canary.predictedGood() < minGoodPredictions) {
            return "waiting for labelled GOOD predictions: " + canary.predictedGood() + " of " + minGoodPredictions;
        }
        if (now.isBefore(stepStartedAt.plus(minStepDuration))) {
            return "step minimum duration " + minStepDuration + " not over";
        }
        return null;
    }

    /** The weight after {@code weight}, or 101 when the last step is done (promotion). */
    int nextWeight(int weight) {
        for (int step : steps) {
            if (step > weight) {
                return step;
            }
        }
        return 101;
    }
}
