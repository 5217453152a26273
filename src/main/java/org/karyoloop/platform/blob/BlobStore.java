package org.karyoloop.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Content-addressed storage of original image bytes: the key of a blob is the SHA-256 of its bytes, so
 * storing the same bytes twice stores them once. Implementations must be thread-safe.
 */
public interface BlobStore {

    /**
     * Stores {@code bytes} under {@code sha256} unless a blob with that key already exists.
     *
     * @param sha256 the lower-case hex SHA-256 of {@code bytes}, computed by the caller
     * @return true if the blob was written now, false if it was already there
     */
    boolean put(String sha256, byte[] bytes) throws IOException;

    /** Opens the blob for reading, or empty if there is none under that key. */
    Optional<InputStream> open(String sha256) throws IOException;

    /** Whether a blob is stored under that key. */
    boolean exists(String sha256) throws IOException;

    /** A URI naming the blob for events and operators (file:, s3:, ...). */
    String uri(String sha256);
}
