package org.karyoloop.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

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

    /**
     * Modality per source id ({@code karyoloop.ingest.modality."scope-7"=fluorescence}): {@code detect} (the default,
     * for every source not named) detects it from each image's content; {@code brightfield}, {@code fluorescence} or
     * {@code fluorescence-inverted} records that modality for every image of the source.
     */
    @WithDefault(ModalityChooser.DETECT)
    Map<String, String> modality();
}
