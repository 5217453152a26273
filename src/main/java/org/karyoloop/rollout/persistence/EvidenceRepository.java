package org.karyoloop.rollout.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.karyoloop.rollout.Evidence;

/** Records live observations (scored images, final labels) and sums them up into {@link Evidence}. */
@ApplicationScoped
public class EvidenceRepository {

    private final EntityManager em;

    public EvidenceRepository(EntityManager em) {
        this.em = em;
    }

    /** Records that {@code version} scored {@code imageId} in {@code arm}; a redelivery changes nothing. */
    @Transactional
    public void recordScored(UUID imageId, String modelName, String version, String arm, boolean predictedGood,
            long latencyMs, Instant scoredAt) {
        em.createNativeQuery("""
                insert into rollout_observation
                    (image_id, model_name, model_version, arm, predicted_good, latency_ms, scored_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, imageId).setParameter(2, modelName).setParameter(3, version)
                .setParameter(4, arm).setParameter(5, predictedGood).setParameter(6, latencyMs)
                .setParameter(7, Timestamp.from(scoredAt))
                .executeUpdate();
    }

    /** Records the final doctor grade of an image (a later final label, e.g. an adjudication, replaces it). */
    @Transactional
    public void recordLabel(UUID imageId, boolean good, Instant labeledAt) {
        em.createNativeQuery("""
                insert into rollout_label (image_id, label_good, labeled_at) values (?1, ?2, ?3)
                on conflict (image_id) do update set label_good = excluded.label_good,
                                                     labeled_at = excluded.labeled_at""")
                .setParameter(1, imageId).setParameter(2, good).setParameter(3, Timestamp.from(labeledAt))
                .executeUpdate();
    }

    /** The evidence about {@code version} in {@code arm} from images scored since {@code since}. */
    public Evidence evidence(String modelName, String version, String arm, Instant since) {
        if (version == null) {
            return Evidence.NONE;
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*),
                       count(l.image_id),
                       count(*) filter (where l.image_id is not null and o.predicted_good),
                       count(*) filter (where l.label_good and o.predicted_good),
                       count(*) filter (where l.label_good),
                       coalesce(percentile_cont(0.99) within group (order by o.latency_ms), 0)
                  from rollout_observation o left join rollout_label l on l.image_id = o.image_id
                 where o.model_name = ?1 and o.model_version = ?2 and o.arm = ?3 and o.scored_at >= ?4""")
                .setParameter(1, modelName).setParameter(2, version).setParameter(3, arm)
                .setParameter(4, Timestamp.from(since == null ? Instant.EPOCH : since))
                .getSingleResult();
        return new Evidence(num(row[0]), num(row[1]), num(row[2]), num(row[3]), num(row[4]),
                ((Number) row[5]).doubleValue());
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }
}
