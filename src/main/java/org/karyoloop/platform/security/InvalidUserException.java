package org.karyoloop.platform.security;

/** A user cannot be created as asked (bad name, short password, unknown role). */
public final class InvalidUserException extends RuntimeException {

    public InvalidUserException(String message) {
        super(message);
    }
}
