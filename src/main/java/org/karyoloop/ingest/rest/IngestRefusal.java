package org.karyoloop.ingest.rest;

import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.imaging.RejectReason;
import org.karyoloop.ingest.IngestRequestRejectedException;
import org.karyoloop.platform.problem.ProblemException;

/**
 * Ingest's refusal of an upload as a problem answer: the kind each image rejection or request rejection answers
 * with, the reason's code and its detail. Ingest itself throws checked exceptions (the Kafka path dead-letters the
 * same reasons); the REST resource converts them here.
 */
final class IngestRefusal extends ProblemException {

    private IngestRefusal(Kind kind, String code, String title, String detail, Throwable cause) {
        super(kind, code, title, detail, cause);
    }

    static IngestRefusal of(ImageRejectedException e) {
        return new IngestRefusal(kind(e.reason()), e.reason().code(), "Image rejected", e.detail(), e);
    }

    static IngestRefusal of(IngestRequestRejectedException e) {
        Kind kind = e.reason() == IngestRequestRejectedException.Reason.IDEMPOTENCY_KEY_REUSED ? Kind.CONFLICT
                : Kind.INVALID;
        return new IngestRefusal(kind, e.reason().code(), "Ingest request rejected", e.detail(), e);
    }

    static Kind kind(RejectReason reason) {
        return switch (reason) {
            case EMPTY -> Kind.INVALID;
            case TOO_MANY_BYTES, TOO_MANY_PIXELS -> Kind.TOO_LARGE;
            case NOT_AN_IMAGE, UNSUPPORTED_FORMAT -> Kind.UNSUPPORTED;
            case TRUNCATED, CORRUPT -> Kind.UNPROCESSABLE;
        };
    }
}
