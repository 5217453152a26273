package org.karyoloop.ingest.rest;

import java.util.UUID;

/** No image has the requested id. */
public final class ImageNotFoundException extends RuntimeException {

    private final UUID imageId;

    public ImageNotFoundException(UUID imageId) {
        super("no image " + imageId);
        this.imageId = imageId;
    }

    public UUID imageId() {
        return imageId;
    }
}
