package org.karyoloop.imaging;

import static java.nio.charset.StandardCharsets.US_ASCII;

/** Recognises an image container from its first bytes; names and declared content types are deliberately never consulted. */
final class MagicBytes {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] BIGTIFF_LE = {'I', 'I', 43, 0};
    private static final byte[] BIGTIFF_BE = {'M', 'M', 0, 43};
    private static final byte[] JP2_BOX = {0, 0, 0, 12, 'j', 'P', ' ', ' ', '\r', '\n', (byte) 0x87, '\n'};
    private static final byte[] J2K_CODESTREAM = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};
    private static final byte[] JXL_BOX = {0, 0, 0, 12, 'J', 'X', 'L', ' ', '\r', '\n', (byte) 0x87, '\n'};
    private static final byte[] JXL_CODESTREAM = {(byte) 0xFF, 0x0A};
    /** DIB header sizes of the BMP variants in the wild; "BM" alone is too weak a signature for text files. */
    private static final int[] DIB_HEADER_SIZES = {12, 16, 40, 52, 56, 64, 108, 124};
    private static final int BMP_MIN_HEADER = 18;

    private MagicBytes() {
    }

    /** The supported format the bytes start with, or a rejection naming what they look like instead. */
    static ImageFormat sniff(byte[] b) throws ImageRejectedException {
        if (startsWith(b, PNG)) {
            return ImageFormat.PNG;
        }
        if (startsWith(b, JPEG)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(b, TIFF_LE) || startsWith(b, TIFF_BE)) {
            return ImageFormat.TIFF;
        }
        if (startsWith(b, BIGTIFF_LE) || startsWith(b, BIGTIFF_BE)) {
            throw unsupported("BigTIFF");
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return bmp(b);
        }
        String other = unsupportedKind(b);
        if (other != null) {
            throw unsupported(other);
        }
        for (byte[] signature : new byte[][] {PNG, JPEG, TIFF_LE, TIFF_BE}) {
            if (b.length >= 2 && b.length < signature.length && startsWith(signature, b)) {
                throw new ImageRejectedException(RejectReason.TRUNCATED,
                        "only " + b.length + " bytes, the start of an image signature");
            }
        }
        throw new ImageRejectedException(RejectReason.NOT_AN_IMAGE, "unknown signature " + hex(b));
    }

    private static ImageFormat bmp(byte[] b) throws ImageRejectedException {
        if (b.length < BMP_MIN_HEADER) {
            throw new ImageRejectedException(RejectReason.TRUNCATED, "BMP header cut short at " + b.length + " bytes");
        }
        int dib = (b[14] & 0xFF) | (b[15] & 0xFF) << 8 | (b[16] & 0xFF) << 16 | (b[17] & 0xFF) << 24;
        for (int size : DIB_HEADER_SIZES) {
            if (dib == size) {
                return ImageFormat.BMP;
            }
        }
        throw new ImageRejectedException(RejectReason.NOT_AN_IMAGE, "starts with \"BM\" but no BMP header follows");
    }

    /** Names a recognised image (or document) format we do not decode, or null. */
    private static String unsupportedKind(byte[] b) {
        if (startsWithAscii(b, 0, "GIF87a") || startsWithAscii(b, 0, "GIF89a")) {
            return "GIF";
        }
        if (startsWithAscii(b, 0, "RIFF") && startsWithAscii(b, 8, "WEBP")) {
            return "WebP";
        }
        if (startsWith(b, JP2_BOX) || startsWith(b, J2K_CODESTREAM)) {
            return "JPEG 2000";
        }
        if (startsWith(b, JXL_BOX) || startsWith(b, JXL_CODESTREAM)) {
            return "JPEG XL";
        }
        if (startsWithAscii(b, 4, "ftyp") && b.length >= 12) {
            String brand = new String(b, 8, 4, US_ASCII);
            switch (brand) {
                case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1":
                    return "HEIF/HEIC";
                case "avif", "avis":
                    return "AVIF";
                default:
                    return null; // an MP4/QuickTime video, not an image
            }
        }
        if (startsWithAscii(b, 0, "%PDF-")) {
            return "PDF";
        }
        if (startsWithAscii(b, 0, "8BPS")) {
            return "Photoshop PSD";
        }
        if (startsWithAscii(b, 128, "DICM")) {
            return "DICOM";
        }
        if (startsWithAscii(b, 0, "ZISRAWFILE")) {
            return "Zeiss CZI";
        }
        return null;
    }

    private static ImageRejectedException unsupported(String kind) {
        return new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT,
                "looks like " + kind + ", which is not supported");
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAscii(byte[] b, int offset, String s) {
        if (b.length < offset + s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[offset + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }
}
