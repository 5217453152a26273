package org.karyoloop.imaging;
public enum ImageFormat { PNG("image/png"), JPEG("image/jpeg"), TIFF("image/tiff"), BMP("image/bmp");
    private final String mediaType; ImageFormat(String m) { mediaType = m; } public String mediaType() { return mediaType; } }
