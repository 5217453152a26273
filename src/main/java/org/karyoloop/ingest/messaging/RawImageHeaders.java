package org.karyoloop.ingest.messaging;

/** Kafka header names of an images.raw record (documented in docs/events.md). */
public final class RawImageHeaders {

    /** MIME type of the value; {@code application/vnd.karyoloop.claim-check+json} for a claim check. */
    public static final String CONTENT_TYPE = "content-type";
    /** The sender's key for this image: a retry with the same key and bytes is a duplicate. */
    public static final String IDEMPOTENCY_KEY = "idempotency-key";
    /** Microscope or lab system that captured the image. */
    public static final String SOURCE_ID = "source-id";
    /** Slide the spread belongs to. */
    public static final String SLIDE_ID = "slide-id";
    /** ISO-8601 instant of capture, e.g. 2026-11-28T09:15:00Z. */
    public static final String CAPTURED_AT = "captured-at";

    private RawImageHeaders() {
    }
}
