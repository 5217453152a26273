package org.karyoloop.ingest;

import java.util.UUID;

/** What ingest did with an offered image: the image id, and whether it was already known. */
public record IngestOutcome(UUID imageId, String sha256, boolean duplicate) {
}
