package org.karyoloop.rollout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The gates and pace of canary rollouts. */
@ConfigMapping(prefix = "karyoloop.rollout")
public interface RolloutConfig {

    /** GOOD precision a canary must show on live labels, as a one-sided 95% Wilson lower bound. */
    @WithDefault("0.90")
    double targetPrecision();

    /** How much lower than stable's live GOOD recall the canary's may be (absolute, 0..1). */
    @WithDefault("0.05")
    double recallTolerance();

    /** Fewest labelled canary-scored images before a step may advance (more evidence, never less). */
    @WithDefault("30")
    int minCanaryLabels();

    /** Fewest canary-scored images predicted GOOD and labelled, before precision counts as evidence. */
    @WithDefault("10")
    int minCanaryGoodPredictions();

    /** Shortest time a canary stays at one weight step. */
    @WithDefault("10m")
    Duration minStepDuration();

    /** A canary without enough evidence by then is rolled back (it never passes by default). */
    @WithDefault("24h")
    Duration canaryDeadline();

    /** Canary weights in percent, in order; the step after the last one is promotion. */
    @WithDefault("10,50,100")
    List<Integer> weightSteps();

    /** Canary p99 scoring latency above this rolls it back at once. */
    @WithDefault("5s")
    Duration maxCanaryP99Latency();

    /** Fewest canary-scored images before latency counts. */
    @WithDefault("50")
    int minCanaryScoredForLatency();

    /** How often running rollouts are evaluated (also after each new piece of evidence). */
    @WithDefault("15s")
    Duration evaluationInterval();

    /** How often the live-evidence gauges (karyoloop_rollout_*) are recomputed from the database. */
    @WithDefault("30s")
    Duration metricsInterval();
}
