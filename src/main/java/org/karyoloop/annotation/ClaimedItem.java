package org.karyoloop.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item leased to the calling doctor: what the page needs to show it. Second reads are blind (no
 * earlier answer is included); only an adjudication shows the reads it settles. The model's guess is
 * included only when configured.
 *
 * @param kind {@code read} or {@code adjudication}
 * @param imageUrl where the page loads the image from
 * @param modelGuess the model's grade and P(GOOD), or null (hidden)
 * @param reads for an adjudication, the disagreeing reads; otherwise empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimedItem(UUID itemId, UUID taskId, UUID imageId, String kind, Instant leaseUntil, String imageUrl,
        ModelGuess modelGuess, List<PriorRead> reads) {

    /** What the model said, shown only if {@code karyoloop.annotation.show-model-guess} is true. */
    public record ModelGuess(String grade, Double pGood, String modelVersion) {
    }

    /** One read that an adjudication settles. */
    public record PriorRead(String doctor, String grade, Integer score, List<String> flags, String comment) {
    }
}
