package org.karyoloop.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells whether a failure means "the database cannot be reached right now" (server down or restarting,
 * connection cut, no pooled connection to be had) rather than a bug or a bad request: such a failure is
 * temporary and is answered 503 with Retry-After, so clients retry instead of giving up.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQLState classes: 08 connection exception; 57P01-57P03 admin/crash shutdown, cannot connect now. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the database is unreachable. */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool gives up waiting for a connection with a plain SQLException and no state.
                if (state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The problem body for an unreachable database. */
    public static Problem problem() {
        return Problem.of(jakarta.ws.rs.core.Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                "Database unavailable", "the database cannot be reached right now; retry in "
                        + RETRY_AFTER_SECONDS + " s");
    }
}
