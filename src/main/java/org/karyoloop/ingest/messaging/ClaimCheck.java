package org.karyoloop.ingest.messaging;

/**
 * A claim-check record on images.raw: the image is not in the record but at {@code uri}.
 *
 * @param uri where the bytes are; only {@code file:} URIs below the configured root are accepted
 * @param contentType optional, what the sender calls the bytes
 */
public record ClaimCheck(String uri, String contentType) {

    /** The content type that marks a record value as a claim check. */
    public static final String MEDIA_TYPE = "application/vnd.karyoloop.claim-check+json";
}
