package org.karyoloop.imaging;

import java.util.Objects;

/**
 * A permanent refusal of an input as an image: the same bytes always get the same answer, so it belongs in a dead
 * letter, never in a retry.
 */
public final class ImageRejectedException extends Exception {

    private static final long serialVersionUID = 1L;
    /** Details travel in Kafka headers and problem+json bodies; keep them short. */
    private static final int MAX_DETAIL = 300;

    private final RejectReason reason;
    private final String detail;

    public ImageRejectedException(RejectReason reason, String detail) {
        this(reason, detail, null);
    }

    public ImageRejectedException(RejectReason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").code() + ": " + shorten(detail), cause);
        this.reason = reason;
        this.detail = shorten(detail);
    }

    /** The category, stable enough to route and count on. */
    public RejectReason reason() {
        return reason;
    }

    /** A short human-readable explanation (at most 300 characters), e.g. which chunk was cut off. */
    public String detail() {
        return detail;
    }

    private static String shorten(String detail) {
        String d = detail == null ? "" : detail;
        return d.length() <= MAX_DETAIL ? d : d.substring(0, MAX_DETAIL - 3) + "...";
    }
}
