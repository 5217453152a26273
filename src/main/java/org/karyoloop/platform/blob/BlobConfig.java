package org.karyoloop.platform.blob;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where original image bytes are kept. */
@ConfigMapping(prefix = "karyoloop.blob")
public interface BlobConfig {

    /** Root folder of the local content-addressed blob store (created if missing). */
    @WithDefault("data/blobs")
    String root();
}
