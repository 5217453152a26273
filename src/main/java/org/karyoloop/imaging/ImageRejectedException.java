package org.karyoloop.imaging;
public final class ImageRejectedException extends Exception {
    private final RejectReason reason; private final String detail;
    public ImageRejectedException(RejectReason reason, String detail) { super(reason.code() + ": " + detail); this.reason = reason; this.detail = detail; }
    public RejectReason reason() { return reason; } public String detail() { return detail; } }
