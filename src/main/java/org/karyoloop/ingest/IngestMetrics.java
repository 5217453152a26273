package org.karyoloop.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Ingest counters (accepted, duplicate, rejected by reason, per origin), stage timers (hash, decode, blob write,
 * commit) and the CPU time of each stage ({@code karyoloop_ingest_stage_cpu_seconds_total{stage}}), so an operator can
 * see where ingest time goes and how much of it is work. Thread-safe.
 */
@ApplicationScoped
public class IngestMetrics {

    /** A stage of ingesting one image. */
    public enum Stage { HASH, DECODE, BLOB, COMMIT }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The calling thread's CPU time so far, in nanoseconds: the reading that {@link #stageCpu} takes differences of. */
    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time the calling thread spent on {@code stage} since {@code startNanos} (a {@link #threadCpuNanos}). */
    public void stageCpu(Stage stage, long startNanos) {
        Counter.builder("karyoloop.ingest.stage.cpu").baseUnit("seconds")
                .tag("stage", stage.name().toLowerCase(java.util.Locale.ROOT)).register(registry)
                .increment((threadCpuNanos() - startNanos) / 1e9);
    }

    public void accepted(String origin) {
        registry.counter("karyoloop.ingest.images", "outcome", "accepted", "reason", "none", "origin", origin)
                .increment();
    }

    public void duplicate(String origin) {
        registry.counter("karyoloop.ingest.images", "outcome", "duplicate", "reason", "none", "origin", origin)
                .increment();
    }

    public void rejected(String origin, String reason) {
        registry.counter("karyoloop.ingest.images", "outcome", "rejected", "reason", reason, "origin", origin)
                .increment();
    }

    public Timer stage(Stage stage) {
        return Timer.builder("karyoloop.ingest.stage")
                .tag("stage", stage.name().toLowerCase(java.util.Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry);
    }

    public Timer total(String origin) {
        return Timer.builder("karyoloop.ingest.duration").tag("origin", origin).publishPercentileHistogram()
                .register(registry);
    }
}
