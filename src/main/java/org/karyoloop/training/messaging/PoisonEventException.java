package org.karyoloop.training.messaging;

/** A record that is not the event its topic carries; dead-lettered at once, never retried. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
