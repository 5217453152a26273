package org.karyoloop.ingest;

/**
 * An ingest request was refused for what surrounds the image (metadata, claim check, idempotency
 * key), not for its bytes. Permanent: retrying the same request fails the same way.
 */
public final class IngestRequestRejectedException extends Exception {

    /** Why; {@link #code()} names it in dead-letter headers and problem types. */
    public enum Reason {
        INVALID_METADATA("invalid-metadata"),
        IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
        CLAIM_CHECK_INVALID("claim-check-invalid"),
        CLAIM_CHECK_FORBIDDEN("claim-check-forbidden"),
        CLAIM_CHECK_NOT_FOUND("claim-check-not-found");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final String detail;

    public IngestRequestRejectedException(Reason reason, String detail) {
        super(reason.code() + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
