package org.karyoloop.ingest.rest;

import java.time.Instant;
import java.util.UUID;
import org.karyoloop.ingest.persistence.Image;

/** An image's record as the API shows it. */
public record ImageView(UUID id, String sha256, String format, int width, int height, int bitsPerSample, int pages,
        long byteSize, String sourceId, String slideId, Instant capturedAt, Instant receivedAt, String origin,
        double meanIntensity, double stdIntensity, int backgroundLevel, double foregroundFraction, String modality) {

    static ImageView of(Image i) {
        return new ImageView(i.id, i.sha256, i.format, i.width, i.height, i.bitsPerSample, i.pages, i.byteSize,
                i.sourceId, i.slideId, i.capturedAt, i.receivedAt, i.origin, i.meanIntensity, i.stdIntensity,
                i.backgroundLevel, i.foregroundFraction, i.modality);
    }
}
