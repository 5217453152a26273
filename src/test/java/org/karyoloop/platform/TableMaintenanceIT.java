package org.karyoloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karyoloop.platform.persistence.MaintenanceConfig;
import org.karyoloop.platform.persistence.MaintenanceConfig.VacuumMode;
import org.karyoloop.platform.persistence.TableMaintenance;

/** The service's own vacuum of the churning tables, against the real PostgreSQL server. */
@QuarkusTest
class TableMaintenanceIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void alwaysModeVacuumsAndAnalyzesEveryConfiguredTable() throws SQLException {
        Timestamp before = serverNow();
        assertThat(new TableMaintenance(dataSource, config(VacuumMode.ALWAYS, "labeling_item", "outbox_event"))
                .vacuumIfNeeded()).isTrue();
        assertThat(lastVacuumOf("labeling_item")).isAfterOrEqualTo(before);
        assertThat(lastVacuumOf("outbox_event")).isAfterOrEqualTo(before);
    }

    @Test
    void autoModeVacuumsOnlyWhereTheServersAutovacuumIsOff() throws SQLException {
        boolean autovacuumOff;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show autovacuum")) {
            rs.next();
            autovacuumOff = "off".equals(rs.getString(1));
        }
        assertThat(new TableMaintenance(dataSource, config(VacuumMode.AUTO, "labeling_task")).vacuumIfNeeded())
                .isEqualTo(autovacuumOff);
    }

    @Test
    void neverModeLeavesTheTablesToTheServer() throws SQLException {
        assertThat(new TableMaintenance(dataSource, config(VacuumMode.NEVER, "labeling_item")).vacuumIfNeeded())
                .isFalse();
    }

    @Test
    void aTableListThatIsNotPlainTableNamesIsRefusedAtStart() {
        assertThatThrownBy(() -> new TableMaintenance(dataSource, config(VacuumMode.ALWAYS, "label; drop table label")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a table name");
    }

    private Timestamp serverNow() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select now()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private Timestamp lastVacuumOf(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery(
                    "select last_vacuum from pg_stat_user_tables where relname = '" + table + "'")) {
                assertThat(rs.next()).as("table %s exists", table).isTrue();
                Timestamp last = rs.getTimestamp(1);
                assertThat(last).as("%s vacuumed", table).isNotNull();
                return last;
            }
        }
    }

    private static MaintenanceConfig config(VacuumMode mode, String... tables) {
        return new MaintenanceConfig() {
            @Override
            public VacuumMode vacuum() {
                return mode;
            }

            @Override
            public Duration vacuumInterval() {
                return Duration.ofMinutes(1);
            }

            @Override
            public List<String> tables() {
                return List.of(tables);
            }
        };
    }
}
