package org.karyoloop.platform.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.karyoloop.platform.persistence.MaintenanceConfig.VacuumMode;

/**
 * Vacuums and analyzes the tables that churn ({@link MaintenanceConfig#tables()}) at a fixed interval, by default
 * only where the PostgreSQL server's autovacuum is off. Without it, a claim scans past every dead row version
 * that earlier claims and labels left in the queue's index, and the planner keeps the statistics of an empty table;
 * on a lab server with autovacuum on, this job does nothing. {@code VACUUM (SKIP_LOCKED)} never waits for a table
 * another replica or an operator is vacuuming. The scheduler runs one pass at a time; the class holds no state other
 * than the server's answer, read once, so it is thread-safe.
 */
@ApplicationScoped
public class TableMaintenance {

    private static final Logger LOG = Logger.getLogger(TableMaintenance.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final AgroalDataSource db;
    private final MaintenanceConfig config;
    private volatile Boolean active;

    public TableMaintenance(AgroalDataSource db, MaintenanceConfig config) {
        this.db = db;
        this.config = config;
        for (String table : config.tables()) {
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalArgumentException("karyoloop.maintenance.tables: not a table name: " + table);
            }
        }
    }

    @Scheduled(every = "${karyoloop.maintenance.vacuum-interval:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledVacuum() {
        try {
            vacuumIfNeeded();
        } catch (SQLException e) {
            LOG.warnf("table maintenance skipped this time: %s", e.getMessage());
        }
    }

    /**
     * One pass: vacuums and analyzes every configured table when the mode says so.
     *
     * @return whether this pass vacuumed
     */
    public boolean vacuumIfNeeded() throws SQLException {
        try (Connection c = db.getConnection()) {
            if (!isActive(c)) {
                return false;
            }
            c.setAutoCommit(true); // VACUUM cannot run inside a transaction block
            try (Statement s = c.createStatement()) {
                for (String table : config.tables()) {
                    s.execute("vacuum (analyze, skip_locked) " + table);
                }
            }
            return true;
        }
    }

    private boolean isActive(Connection c) throws SQLException {
        if (config.vacuum() != VacuumMode.AUTO) {
            return config.vacuum() == VacuumMode.ALWAYS;
        }
        if (active == null) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select current_setting('autovacuum')")) {
                rs.next();
                active = !"on".equals(rs.getString(1));
            }
            if (active) {
                LOG.infof("PostgreSQL's autovacuum is off: vacuuming and analyzing %s every %s from here",
                        String.join(", ", config.tables()), config.vacuumInterval());
            }
        }
        return active;
    }
}
