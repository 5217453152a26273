package org.karyoloop.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the transactional outbox is relayed to Kafka. */
@ConfigMapping(prefix = "karyoloop.outbox")
public interface OutboxConfig {

    /** Whether this process relays the outbox (every replica may; rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Longest wait between two polls when nobody signals new rows (new rows of this process wake it at once). */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * How long the relay waits, once woken by a commit, for the commits right behind it, so that one relay round
     * (one transaction, one produce request) carries them all: fewer relay transactions at a busy ingest or scoring
     * role (bench/scoring.sh: PostgreSQL 3.5-3.9 -> 1.6 ms of CPU per image), for up to this much latency per event.
     * 0 relays at once.
     */
    @WithDefault("10ms")
    Duration linger();

    /** Most rows published in one relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** Pause after a failed relay round (broker or database down) before trying again. */
    @WithDefault("2s")
    Duration retryBackoff();
}
