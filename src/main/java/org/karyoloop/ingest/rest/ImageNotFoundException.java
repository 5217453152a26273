package org.karyoloop.ingest.rest;

import java.util.UUID;
import org.karyoloop.platform.problem.ProblemException;

/** No image has the requested id. */
public final class ImageNotFoundException extends ProblemException {

    private final UUID imageId;

    public ImageNotFoundException(UUID imageId) {
        super(Kind.NOT_FOUND, "image-not-found", "Image not found", "no image " + imageId);
        this.imageId = imageId;
    }

    public UUID imageId() {
        return imageId;
    }
}
