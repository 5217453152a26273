package org.karyoloop.platform.security;

import org.karyoloop.platform.problem.ProblemException;

/** A user cannot be created because the name is taken. */
public final class UserExistsException extends ProblemException {

    public UserExistsException(String username) {
        super(Kind.CONFLICT, "user-exists", "User exists", "user '" + username + "' exists");
    }
}
