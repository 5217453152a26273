package org.karyoloop.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends to the audit trail (who did what to which thing, when) inside the caller's transaction, so
 * the record exists if and only if the change commits. Callers must not put patient identifiers in
 * {@code detail}. Thread-safe (stateless).
 */
@ApplicationScoped
public class AuditLog {

    private final AgroalDataSource db;

    public AuditLog(AgroalDataSource db) {
        this.db = db;
    }

    /** Records that {@code actor} did {@code action} to {@code subjectType}/{@code subjectId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subjectType, String subjectId, String detail) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into audit_event (actor, action, subject_type, subject_id, detail) values (?, ?, ?, ?, ?)")) {
            s.setString(1, actor);
            s.setString(2, action);
            s.setString(3, subjectType);
            s.setString(4, subjectId);
            s.setString(5, detail);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail not writable", e);
        }
    }
}
