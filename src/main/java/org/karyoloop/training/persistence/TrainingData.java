package org.karyoloop.training.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.training.DatasetAssembler.LabelledImage;
import org.karyoloop.training.PopulationStability;

/**
 * Training's view of labels and images (tables training_label, training_image): idempotent recording
 * from events, counts for the trigger policy, background-level histograms per source for drift, and
 * the labelled images a job trains on. Thread-safe (stateless; the database serialises writers).
 */
@ApplicationScoped
public class TrainingData {

    private final EntityManager em;

    public TrainingData(EntityManager em) {
        this.em = em;
    }

    /** Records a final label (a redelivered event, or an older label, changes nothing); returns whether it did. */
    @Transactional
    public boolean recordLabel(LabelSubmitted event, Instant receivedAt) {
        if (TrainingLabel.count("eventId", event.eventId()) > 0) {
            return false;
        }
        TrainingLabel label = TrainingLabel.findById(event.imageId());
        if (label != null && label.labelId.equals(event.labelId())) {
            return false;
        }
        boolean fresh = label == null;
        if (fresh) {
            label = new TrainingLabel();
            label.imageId = event.imageId();
        }
        label.labelId = event.labelId();
        label.eventId = event.eventId();
        label.grade = event.grade().name();
        label.origin = event.origin() == null ? "doctor" : event.origin();
        label.doctor = event.doctor();
        label.receivedAt = receivedAt;
        if (fresh) {
            label.persist();
        }
        return true;
    }

    /** Records an ingested image once. */
    @Transactional
    public boolean recordImage(ImageIngested event) {
        if (TrainingImage.findById(event.imageId()) != null) {
            return false;
        }
        TrainingImage image = new TrainingImage();
        image.imageId = event.imageId();
        image.sha256 = event.sha256();
        image.sourceId = event.sourceId();
        image.slideId = event.slideId();
        image.backgroundLevel = event.backgroundLevel();
        image.meanIntensity = event.meanIntensity();
        image.ingestedAt = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        image.persist();
        return true;
    }

    /** Final labels received after {@code since} (all of them when null). */
    @Transactional
    public long labelsSince(Instant since) {
        return since == null ? TrainingLabel.count() : TrainingLabel.count("receivedAt > ?1", since);
    }

    /** Per source: background-level histograms before {@code since} (reference) and after (recent). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, long[][]> backgroundHistograms(Instant since) {
        List<Object[]> rows = em.createNativeQuery("""
                select coalesce(source_id, ''), ingested_at >= ?1, background_level * %d / 256, count(*)
                  from training_image group by 1, 2, 3""".formatted(PopulationStability.BINS))
                .setParameter(1, since).getResultList();
        Map<String, long[][]> out = new HashMap<>();
        for (Object[] row : rows) {
            long[][] h = out.computeIfAbsent((String) row[0], k -> new long[2][PopulationStability.BINS]);
            int bin = Math.min(PopulationStability.BINS - 1, ((Number) row[2]).intValue());
            h[Boolean.TRUE.equals(row[1]) ? 1 : 0][bin] += ((Number) row[3]).longValue();
        }
        return out;
    }

    /** Every final label whose image training knows (labels of unknown images wait for their image). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<LabelledImage> labelledImages() {
        List<Object[]> rows = em.createNativeQuery("""
                select cast(l.image_id as varchar), i.sha256, i.slide_id, l.grade, l.origin
                  from training_label l join training_image i on i.image_id = l.image_id
                 order by l.image_id""").getResultList();
        return rows.stream().map(r -> new LabelledImage((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4])).toList();
    }
}
