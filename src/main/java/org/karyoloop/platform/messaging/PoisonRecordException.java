package org.karyoloop.platform.messaging;

/**
 * A record that can never be processed (not the event its topic carries, an unacceptable image, an image whose
 * bytes are gone): {@link DeadLetterGuard} dead-letters it at once with {@link #code()}, and it is never retried.
 */
public class PoisonRecordException extends RuntimeException {

    private final String code;

    public PoisonRecordException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** Stable reason code, written as the dead letter's {@code dead-letter-reason} header. */
    public String code() {
        return code;
    }

    /** What was wrong, for people: the dead letter's {@code dead-letter-detail} header. */
    public String detail() {
        return getMessage();
    }
}
