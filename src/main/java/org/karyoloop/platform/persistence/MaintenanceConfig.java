package org.karyoloop.platform.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Housekeeping of the tables that churn (queues and the outbox), for servers that do not do it themselves. */
@ConfigMapping(prefix = "karyoloop.maintenance")
public interface MaintenanceConfig {

    /** When the service vacuums and analyzes {@link #tables()} itself. */
    enum VacuumMode {
        /** Only when the PostgreSQL server's autovacuum is off (the default). */
        AUTO,
        /** Always, next to autovacuum. */
        ALWAYS,
        /** Never: the server's autovacuum (or an operator's job) keeps the tables healthy. */
        NEVER
    }

    /** Default {@code auto}: vacuum only where the server's autovacuum is off. */
    @WithDefault("auto")
    VacuumMode vacuum();

    /** How often the tables are vacuumed and analyzed when {@link #vacuum()} applies. Default 1 minute. */
    @WithDefault("1m")
    Duration vacuumInterval();

    /**
     * Tables whose rows are updated or deleted all day: every claim, label and relayed event leaves a dead row
     * version behind, which the queue's index scans step over until a vacuum removes it. Default the labeling queue
     * and the outbox.
     */
    @WithDefault("labeling_item,labeling_task,outbox_event")
    List<String> tables();
}
