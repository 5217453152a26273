package org.karyoloop.platform.security;

import org.karyoloop.platform.problem.ProblemException;

/** A user cannot be created as asked (bad name, short password, unknown role). */
public final class InvalidUserException extends ProblemException {

    public InvalidUserException(String message) {
        super(Kind.INVALID, "invalid-user", "User not created", message);
    }
}
