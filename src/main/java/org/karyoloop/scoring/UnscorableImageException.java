package org.karyoloop.scoring;

/** An ingested image that can never be scored (its bytes are gone or undecodable): dead-lettered. */
public final class UnscorableImageException extends Exception {

    private final String code;

    public UnscorableImageException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** Stable reason code for the dead-letter header. */
    public String code() {
        return code;
    }
}
