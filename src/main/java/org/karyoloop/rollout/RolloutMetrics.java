package org.karyoloop.rollout;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.karyoloop.rollout.persistence.LiveStatsRepository;
import org.karyoloop.rollout.persistence.RolloutState;

/**
 * Publishes the rollout's live evidence as Prometheus gauges per model, version and arm — GOOD rate,
 * live GOOD precision with its Wilson lower bound and the counts behind them — so an outside canary
 * tool can judge a canary the way {@link RolloutPolicy} does. Recomputed from the database at a fixed
 * interval in the rollout role, so every replica reports the same numbers. Thread-safe: the scheduler
 * never runs two refreshes at once, and Micrometer's gauges read the latest rows atomically.
 */
@ApplicationScoped
public class RolloutMetrics {

    private static final Map<String, Function<LiveStats, Number>> GAUGES = Map.of(
            "karyoloop.rollout.evidence.scored", LiveStats::scored,
            "karyoloop.rollout.evidence.labelled", LiveStats::labelled,
            "karyoloop.rollout.evidence.good.predictions", LiveStats::labelledGoodPredictions,
            "karyoloop.rollout.evidence.true.positives", LiveStats::truePositives,
            "karyoloop.rollout.good.rate", LiveStats::goodRate,
            "karyoloop.rollout.live.precision", LiveStats::precision,
            "karyoloop.rollout.live.precision.lower.bound", LiveStats::precisionLowerBound,
            "karyoloop.rollout.live.recall", LiveStats::recall);

    private final LiveStatsRepository stats;
    private final Map<String, MultiGauge> gauges;
    private final MultiGauge weight;

    public RolloutMetrics(LiveStatsRepository stats, MeterRegistry registry) {
        this.stats = stats;
        this.gauges = new HashMap<>();
        GAUGES.keySet().forEach(name -> gauges.put(name, MultiGauge.builder(name).register(registry)));
        this.weight = MultiGauge.builder("karyoloop.rollout.canary.weight").baseUnit("percent").register(registry);
    }

    @Scheduled(every = "${karyoloop.rollout.metrics-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RolloutEvaluator.RoleDisabled.class)
    void refresh() {
        record(QuarkusTransaction.requiringNew().call(this::current));
    }

    /** One gauge row: a model's version in an arm, and the model's canary weight. */
    record Observed(String model, int canaryWeight, LiveStats stats) {
        Tags tags() {
            return Tags.of("model", model, "version", stats.version(), "arm", stats.arm());
        }
    }

    /** The evidence the policy would use now: each model's stable and canary since the canary began. */
    List<Observed> current() {
        List<Observed> rows = new ArrayList<>();
        for (RolloutState s : RolloutState.<RolloutState>listAll()) {
            Instant since = s.canaryStartedAt == null ? Instant.EPOCH : s.canaryStartedAt;
            if (s.stableVersion != null) {
                rows.add(new Observed(s.modelName, s.canaryWeight,
                        stats.since(s.modelName, s.stableVersion, "stable", since)));
            }
            if (s.canaryVersion != null) {
                rows.add(new Observed(s.modelName, s.canaryWeight,
                        stats.since(s.modelName, s.canaryVersion, "canary", since)));
            }
        }
        return rows;
    }

    /** Replaces every gauge's rows; series of versions no longer serving disappear. */
    void record(List<Observed> rows) {
        GAUGES.forEach((name, value) -> {
            List<MultiGauge.Row<?>> gaugeRows = new ArrayList<>();
            for (Observed row : rows) {
                Number n = value.apply(row.stats());
                if (n != null) { // no evidence: no series, rather than a misleading 0
                    gaugeRows.add(MultiGauge.Row.of(row.tags(), n));
                }
            }
            gauges.get(name).register(gaugeRows, true);
        });
        weight.register(rows.stream().filter(r -> "canary".equals(r.stats().arm())).<MultiGauge.Row<?>>map(
                r -> MultiGauge.Row.of(r.tags(), r.canaryWeight())).toList(), true);
    }
}
