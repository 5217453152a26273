package org.karyoloop.annotation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An item leased to the calling doctor: what the page needs to show it. Second reads are blind (no
 * earlier answer is included); only an adjudication shows the reads it settles. The model's guess is
 * included only when configured; what scoring measured before any model (modality, not a spread) always is.
 *
 * @param kind {@code read} or {@code adjudication}
 * @param imageUrl where the page loads the image from
 * @param modality how the image shows its chromosomes, as scoring measured it ({@code brightfield},
 *     {@code fluorescence}, {@code fluorescence-inverted}); absent when the request did not say
 * @param notASpread scoring's verdict that the image is not a metaphase spread, with its reason; absent for a spread
 * @param modelGuess the model's grade and P(GOOD), or null (hidden)
 * @param reads for an adjudication, the disagreeing reads; otherwise empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimedItem(UUID itemId, UUID taskId, UUID imageId, String kind, Instant leaseUntil, String imageUrl,
        String modality, NotASpread notASpread, ModelGuess modelGuess, List<PriorRead> reads) {

    /** What the model said, shown only if {@code karyoloop.annotation.show-model-guess} is true. */
    public record ModelGuess(String grade, Double pGood, String modelVersion) {
    }

    /**
     * Scoring measured the image as not a metaphase spread.
     *
     * @param reason the reason's code ({@code blank-frame}, {@code saturated}, {@code too-few-chromosomes},
     *     {@code interphase-only}, {@code karyogram}, or another producer's code)
     * @param description the reason in a sentence for people; absent for a code karyoloop does not know
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotASpread(String reason, String description) {
    }

    /** One read that an adjudication settles. */
    public record PriorRead(String doctor, String grade, Integer score, List<String> flags, String comment) {
    }
}
