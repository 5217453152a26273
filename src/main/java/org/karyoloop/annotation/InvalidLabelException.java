package org.karyoloop.annotation;

import org.karyoloop.platform.problem.ProblemException;

/** A submitted label is not acceptable (no grade, score out of range, unknown flag). */
public final class InvalidLabelException extends ProblemException {

    public InvalidLabelException(String message) {
        super(Kind.INVALID, "invalid-label", "Invalid request", message);
    }
}
