package org.karyoloop.annotation;

import org.karyoloop.platform.problem.ProblemException;

/** The request conflicts with the item's state: the lease is not the caller's, or another doctor labelled it. */
public final class LabelingConflictException extends ProblemException {

    /** Stable problem codes. */
    public enum Code {
        LEASE_NOT_HELD("lease-not-held"), ALREADY_LABELLED("already-labelled");

        private final String code;

        Code(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Code code;

    public LabelingConflictException(Code code, String message) {
        super(Kind.CONFLICT, code.code(), "Conflict", message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
