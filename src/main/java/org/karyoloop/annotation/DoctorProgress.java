package org.karyoloop.annotation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A doctor's progress for the day and how much work waits. Thread-safe (stateless). */
@ApplicationScoped
public class DoctorProgress {

    private static final String SQL = """
            select (select count(*) from label where doctor = ? and created_at >= date_trunc('day', now())),
                   (select count(*) from labeling_item where status <> 'done')""";

    private final AgroalDataSource db;

    public DoctorProgress(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * @param labelledToday labels this doctor gave since midnight (database time zone)
     * @param waiting items not yet labelled, by anyone
     */
    public record Progress(String doctor, long labelledToday, long waiting) {
    }

    /** The progress of {@code doctor}. */
    public Progress of(String doctor) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, doctor);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Progress(doctor, rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
