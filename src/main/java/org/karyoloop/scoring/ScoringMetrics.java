package org.karyoloop.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.karyoloop.scoring.serving.BatchListener;

/**
 * Scoring meters per model version and arm: images by grade (throughput), batch sizes, inference and
 * end-to-end latency histograms, errors by stage, duplicates, images that are not spreads by reason, model load
 * outcomes, and the CPU time the workers spend per stage (decode, measure, preprocess, commit). Thread-safe.
 */
@ApplicationScoped
public class ScoringMetrics implements BatchListener {

    /** Stages whose worker CPU time is counted: {@code karyoloop_scoring_stage_cpu_seconds_total{stage}}. */
    public enum Stage {
        DECODE, MEASURE, PREPROCESS, COMMIT
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final MeterRegistry registry;

    public ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The calling thread's CPU time so far, in nanoseconds: the reading that {@link #stageCpu} takes differences of. */
    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time the calling worker spent on {@code stage} since {@code startNanos} (a {@link #threadCpuNanos}). */
    public void stageCpu(Stage stage, long startNanos) {
        Counter.builder("karyoloop.scoring.stage.cpu").baseUnit("seconds")
                .tag("stage", stage.name().toLowerCase(java.util.Locale.ROOT)).register(registry)
                .increment((threadCpuNanos() - startNanos) / 1e9);
    }

    /** One image decided (or passed on unscored: version "none", grade "none"). */
    public void scored(String version, String arm, String grade, Duration processing) {
        registry.counter("karyoloop.scoring.images", "version", version, "arm", arm, "grade", grade).increment();
        Timer.builder("karyoloop.scoring.latency").tag("version", version).tag("arm", arm)
                .publishPercentileHistogram().register(registry).record(processing);
    }

    /** Records committed together by the prediction writer's group commit. */
    public void commitGroup(int size) {
        DistributionSummary.builder("karyoloop.scoring.commit.group").publishPercentileHistogram().register(registry)
                .record(size);
    }

    /** One image measured as not a metaphase spread ({@code karyoloop_scoring_not_spread_total{reason}}). */
    public void notSpread(String reason) {
        registry.counter("karyoloop.scoring.not.spread", "reason", reason).increment();
    }

    public void duplicate() {
        registry.counter("karyoloop.scoring.duplicates").increment();
    }

    public void error(String version, String stage) {
        registry.counter("karyoloop.scoring.errors", "version", version, "stage", stage).increment();
    }

    public void modelEvent(String version, String status) {
        registry.counter("karyoloop.scoring.model.events", "version", version, "status", status).increment();
    }

    @Override
    public void batchDone(String version, int size, long nanos) {
        DistributionSummary.builder("karyoloop.scoring.batch.size").tag("version", version)
                .publishPercentileHistogram().register(registry).record(size);
        Timer.builder("karyoloop.scoring.inference").tag("version", version).publishPercentileHistogram()
                .register(registry).record(Duration.ofNanos(nanos));
    }

    @Override
    public void batchFailed(String version, int size, Exception e) {
        registry.counter("karyoloop.scoring.errors", "version", version, "stage", "inference").increment(size);
    }
}
