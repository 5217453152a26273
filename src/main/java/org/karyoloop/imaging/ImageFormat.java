package org.karyoloop.imaging;

/** The image containers karyoloop decodes, recognised by their magic bytes, never by a file name or declared type. */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpeg"),
    TIFF("image/tiff", "tiff"),
    BMP("image/bmp", "bmp");

    private final String mediaType;
    private final String readerFormatName;

    ImageFormat(String mediaType, String readerFormatName) {
        this.mediaType = mediaType;
        this.readerFormatName = readerFormatName;
    }

    /** The IANA media type, e.g. {@code image/tiff}, for Content-Type and CloudEvents datacontenttype. */
    public String mediaType() {
        return mediaType;
    }

    /** The ImageIO format name used to look up a reader. */
    String readerFormatName() {
        return readerFormatName;
    }
}
