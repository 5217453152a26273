package org.karyoloop.platform.security;

/**
 * Sign-in refused without checking the password: too many recent failures for this user or address. Travels as the
 * cause of an AuthenticationFailedException, which is what identity providers may throw.
 */
public final class SignInThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public SignInThrottledException(long retryAfterSeconds) {
        super("too many failed sign-ins; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until a sign-in is tried again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
