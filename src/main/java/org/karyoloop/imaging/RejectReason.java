package org.karyoloop.imaging;
public enum RejectReason { EMPTY, TOO_MANY_BYTES, TOO_MANY_PIXELS, NOT_AN_IMAGE, UNSUPPORTED_FORMAT, TRUNCATED, CORRUPT;
    public String code() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); } }
