package org.karyoloop.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A doctor's label of an image was recorded (topic labels.submitted, key = image id). Training learns
 * only from labels with {@code finalLabel} true: a single read, the agreeing second read of a double
 * read, or the adjudication of a disagreement. Rollout matches labels of canary-scored images by
 * {@code modelVersion}/{@code arm}.
 *
 * @param labelId the label's id (stable: a retried submit yields the same label and no new event)
 * @param taskId the labeling task the label answers
 * @param doctor the user name of the doctor who labelled
 * @param grade the doctor's grade
 * @param score optional 0–100 quality score on the lab's sheet; null when not given
 * @param flags optional observations: overlaps, blur, debris, not-a-metaphase
 * @param readKind {@code single}, {@code first}, {@code second} or {@code adjudication}
 * @param finalLabel whether this label is the one to train on for the image
 * @param origin {@code doctor} for labels made in karyoloop, {@code legacy} for imported archive labels
 * @param requestReason why sampling asked for the label (uncertainty, exploration, ...), null if unknown
 * @param modelName the model family that scored the image when the task was made, null if unscored
 * @param modelVersion the model version that scored the image, null if unscored
 * @param arm the serving arm (stable, canary, shadow) that scored the image, null if unscored
 */
public record LabelSubmitted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID imageId,
        UUID labelId,
        UUID taskId,
        String doctor,
        Grade grade,
        Integer score,
        List<String> flags,
        String comment,
        String readKind,
        boolean finalLabel,
        String origin,
        String requestReason,
        String modelName,
        String modelVersion,
        String arm) implements DomainEvent {

    public static final int SCHEMA_VERSION = 1;
}
