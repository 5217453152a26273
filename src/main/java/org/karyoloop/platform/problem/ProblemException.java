package org.karyoloop.platform.problem;

/**
 * A domain failure that the API answers with a problem+json body ({@link ProblemMapping}): its {@link Kind} gives
 * the HTTP status, its code the problem type, its message the detail. Domain code names the kind of failure, never
 * an HTTP status.
 */
public abstract class ProblemException extends RuntimeException {

    /** What kind of failure it is, and the HTTP status it answers with. */
    public enum Kind {
        /** The request is malformed or breaks a rule: 400. */
        INVALID(400),
        /** What the request names does not exist: 404. */
        NOT_FOUND(404),
        /** The request conflicts with the current state: 409. */
        CONFLICT(409),
        /** The request body is too large: 413. */
        TOO_LARGE(413),
        /** The request body is not a supported media type: 415. */
        UNSUPPORTED(415),
        /** The request body is well-formed but cannot be used: 422. */
        UNPROCESSABLE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status code. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String problemCode;
    private final String title;

    protected ProblemException(Kind kind, String problemCode, String title, String detail) {
        this(kind, problemCode, title, detail, null);
    }

    protected ProblemException(Kind kind, String problemCode, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.problemCode = problemCode;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /** The stable problem code ({@code code} and the type URI of the body). */
    public String problemCode() {
        return problemCode;
    }

    /** The body's short human title. */
    public String title() {
        return title;
    }

    /** The problem body this failure answers with. */
    public Problem problem() {
        return Problem.of(kind.status(), problemCode, title, getMessage());
    }
}
