package org.karyoloop.annotation;

/** A submitted label is not acceptable (no grade, score out of range, unknown flag). */
public final class InvalidLabelException extends RuntimeException {

    public InvalidLabelException(String message) {
        super(message);
    }
}
