package org.karyoloop.annotation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored label as the API shows it.
 *
 * @param readKind {@code single}, {@code first}, {@code second} or {@code adjudication}
 * @param finalLabel whether this is the label the image is trained on (so far)
 * @param created false when a retried submit found the label stored by the first attempt
 */
public record LabelView(UUID labelId, UUID itemId, UUID taskId, UUID imageId, String doctor, String readKind,
        String grade, Integer score, List<String> flags, String comment, boolean finalLabel, Instant createdAt,
        boolean created) {
}
