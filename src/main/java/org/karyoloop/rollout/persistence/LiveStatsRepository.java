package org.karyoloop.rollout.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.karyoloop.rollout.LiveStats;

/**
 * Sums rollout_observation and rollout_label into {@link LiveStats}: per time bucket and arm for the
 * operators' charts, and per version and arm for the Prometheus gauges. Read-only.
 */
@ApplicationScoped
public class LiveStatsRepository {

    private static final String COUNTS = """
            count(*),
            count(*) filter (where o.predicted_good),
            count(l.image_id),
            count(*) filter (where l.image_id is not null and o.predicted_good),
            count(*) filter (where l.label_good and o.predicted_good),
            count(*) filter (where l.label_good)
            """;

    private final EntityManager em;

    public LiveStatsRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * A model's observations from {@code from} on, grouped by bucket (aligned to the Unix epoch), arm
     * and version, oldest first. Buckets without observations are absent.
     */
    public List<LiveStats> timeline(String modelName, Duration bucket, Instant from) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select date_bin(cast(?1 as interval), o.scored_at, "
                + "timestamptz '1970-01-01 00:00:00+00') as bucket, o.arm, o.model_version, " + COUNTS + """
                  from rollout_observation o left join rollout_label l on l.image_id = o.image_id
                 where o.model_name = ?2 and o.scored_at >= ?3
                 group by 1, 2, 3 order by 1, 2, 3""")
                .setParameter(1, bucket.toSeconds() + " seconds").setParameter(2, modelName)
                .setParameter(3, Timestamp.from(from))
                .getResultList();
        return rows.stream().map(r -> stats(toInstant(r[0]), (String) r[2], (String) r[1], r, 3)).toList();
    }

    /** What {@code version} did in {@code arm} on images scored since {@code since}. */
    public LiveStats since(String modelName, String version, String arm, Instant since) {
        Object[] row = (Object[]) em.createNativeQuery("select " + COUNTS + """
                  from rollout_observation o left join rollout_label l on l.image_id = o.image_id
                 where o.model_name = ?1 and o.model_version = ?2 and o.arm = ?3 and o.scored_at >= ?4""")
                .setParameter(1, modelName).setParameter(2, version).setParameter(3, arm)
                .setParameter(4, Timestamp.from(since == null ? Instant.EPOCH : since))
                .getSingleResult();
        return stats(null, version, arm, row, 0);
    }

    private static LiveStats stats(Instant start, String version, String arm, Object[] r, int at) {
        return LiveStats.of(start, version, arm, num(r[at]), num(r[at + 1]), num(r[at + 2]), num(r[at + 3]),
                num(r[at + 4]), num(r[at + 5]));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }
}
