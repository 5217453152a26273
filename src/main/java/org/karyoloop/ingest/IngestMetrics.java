package org.karyoloop.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ingest counters (accepted, duplicate, rejected by reason, per origin) and stage timers (hash,
 * decode, blob write, commit), so an operator can see where ingest time goes. Thread-safe.
 */
@ApplicationScoped
public class IngestMetrics {

    /** A stage of ingesting one image. */
    public enum Stage { HASH, DECODE, BLOB, COMMIT }

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
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
