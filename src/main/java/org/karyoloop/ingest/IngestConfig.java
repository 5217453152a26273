package org.karyoloop.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and sources of the ingest role. */
@ConfigMapping(prefix = "karyoloop.ingest")
public interface IngestConfig {

    /** Largest accepted original, in bytes (checked before decoding). Default 48 MiB. */
    @WithDefault("50331648")
    long maxBytes();

    /** Largest accepted image in pixels (width × height, read from the header before decoding). */
    @WithDefault("50000000")
    long maxPixels();

    /** Claim-check records may only name file: URIs below this folder (after resolving links). */
    @WithDefault("data/claims")
    String claimCheckRoot();

    /** Longest text accepted for source id, slide id and idempotency key, in characters. */
    @WithDefault("128")
    int maxIdLength();
}
