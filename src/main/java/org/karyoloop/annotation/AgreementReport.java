package org.karyoloop.annotation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.karyoloop.events.Grade;

/**
 * Agreement between doctors on blind double reads: per doctor, Cohen's kappa of their grade against
 * the other reader's on the same images, and overall. Thread-safe (stateless).
 */
@ApplicationScoped
public class AgreementReport {

    private static final String PAIRS = """
            select a.doctor, a.grade, b.grade from label a
              join label b on b.task_id = a.task_id and b.doctor <> a.doctor
             where a.read_kind in ('first', 'second') and b.read_kind in ('first', 'second')""";

    private final AgroalDataSource db;

    public AgreementReport(AgroalDataSource db) {
        this.db = db;
    }

    /** One doctor's agreement with their co-readers. */
    public record DoctorAgreement(String doctor, int doubleReads, double agreementRate, Double kappa) {
    }

    /** Everyone's agreement, plus the overall kappa over all double reads. */
    public record Report(int doubleReads, Double kappa, List<DoctorAgreement> doctors) {
    }

    /** Computes the report from every double read so far. */
    public Report compute() throws SQLException {
        Map<String, List<CohensKappa.Pair>> byDoctor = new TreeMap<>();
        List<CohensKappa.Pair> all = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(PAIRS);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                var pair = new CohensKappa.Pair(Grade.valueOf(rs.getString(2)), Grade.valueOf(rs.getString(3)));
                byDoctor.computeIfAbsent(rs.getString(1), d -> new ArrayList<>()).add(pair);
                all.add(pair);
            }
        }
        List<DoctorAgreement> doctors = new ArrayList<>();
        byDoctor.forEach((doctor, pairs) -> doctors.add(new DoctorAgreement(doctor, pairs.size(),
                pairs.stream().filter(p -> p.first() == p.second()).count() / (double) pairs.size(),
                finite(CohensKappa.of(pairs)))));
        // every double read appears twice in the pairs (once from each reader's side)
        return new Report(all.size() / 2, finite(CohensKappa.of(all)), doctors);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
