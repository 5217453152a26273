package org.karyoloop.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Request body limits per endpoint, checked against the declared Content-Length before a byte is read, and the
 * number of uploads one client may have in flight.
 */
@ConfigMapping(prefix = "karyoloop.http")
public interface BodyLimitsConfig {

    /**
     * Largest declared body of an upload endpoint (see {@link #uploadPaths()}), in bytes: the largest original
     * image (karyoloop.ingest.max-bytes, 48 MiB) plus 1 MiB for multipart framing and metadata. Default 51380224.
     */
    @WithDefault("51380224")
    long maxUploadBytes();

    /**
     * Largest declared body of every other request (labels, reasons, users, the sign-in form), in bytes.
     * Default 262144 (256 KiB).
     */
    @WithDefault("262144")
    long maxBodyBytes();

    /**
     * Regular expressions of the paths that take uploads: image ingest and model imports. Default
     * {@code /api/images} and {@code /api/models/[^/]+/versions}.
     */
    @WithDefault("/api/images,/api/models/[^/]+/versions")
    List<String> uploadPaths();

    /**
     * Uploads (see {@link #uploadPaths()}) one client address may have in flight at once; a further one is refused
     * with 429 and Retry-After before its body is read. Each holds up to {@link #maxUploadBytes()} while it is
     * decoded, so this bounds what one client can make the service hold. Default 4.
     */
    @WithDefault("4")
    int maxUploadsPerClient();
}
