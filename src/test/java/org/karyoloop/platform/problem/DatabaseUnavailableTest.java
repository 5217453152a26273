package org.karyoloop.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void refusedConnectionWrappedByHibernateIsUnavailable() {
        var refused = new SQLException("Connection to 127.0.0.1:55432 refused", "08001");
        assertThat(DatabaseUnavailable.causes(new JDBCConnectionException("could not prepare statement", refused)))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new PersistenceException(new IllegalStateException(refused))))
                .isTrue();
    }

    @Test
    void serverShuttingDownAndPoolTimeoutAreUnavailable() {
        assertThat(DatabaseUnavailable.causes(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("Acquisition timeout while waiting for new connection")))
                .isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void constraintViolationsAndBugsAreNotUnavailability() {
        assertThat(DatabaseUnavailable.causes(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new PersistenceException("mapping error"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.causes(null)).isFalse();
    }

    @Test
    void problemSays503WithItsCode() {
        Problem problem = DatabaseUnavailable.problem();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.code()).isEqualTo("database-unavailable");
    }
}
