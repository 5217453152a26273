package org.karyoloop.platform.security;

/** A user cannot be created because the name is taken. */
public final class UserExistsException extends RuntimeException {

    public UserExistsException(String username) {
        super("user '" + username + "' exists");
    }
}
