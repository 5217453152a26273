package org.karyoloop.imaging;

import java.util.Locale;

/** Why an input was refused as an image; {@link #code()} is the stable token for DLQ headers and problem+json types. */
public enum RejectReason {
    /** Zero bytes. */
    EMPTY,
    /** More bytes than {@link ImageLimits#maxBytes()}; checked before anything else. */
    TOO_MANY_BYTES,
    /** Declared width x height (or decoded buffer size) above {@link ImageLimits#maxPixels()}; checked before decoding. */
    TOO_MANY_PIXELS,
    /** The bytes do not start like any image format we know. */
    NOT_AN_IMAGE,
    /** A recognised image format (GIF, WebP, JPEG 2000, HEIF, PDF, BigTIFF, ...) that karyoloop does not decode. */
    UNSUPPORTED_FORMAT,
    /** The file ends before its container says it should: bytes were lost in transfer or storage. */
    TRUNCATED,
    /** The container is complete but the codec cannot make sense of it. */
    CORRUPT;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** Kebab-case token, e.g. {@code too-many-pixels}; never changes once published. */
    public String code() {
        return code;
    }
}
