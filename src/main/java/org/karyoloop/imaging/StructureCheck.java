package org.karyoloop.imaging;

import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Walks a container's structure (PNG chunks, JPEG markers, TIFF directories, BMP header) to prove it is complete,
 * because the codecs quietly return a partly gray image for a PNG without IEND or a JPEG without EOI.
 *
 * <p>Reads only the bytes it is given and allocates nothing proportional to the pixels.
 */
final class StructureCheck {

    private static final int IHDR = 0x49484452;
    private static final int IEND = 0x49454E44;
    private static final int TAG_STRIP_OFFSETS = 273;
    private static final int TAG_STRIP_BYTE_COUNTS = 279;
    private static final int TAG_TILE_OFFSETS = 324;
    private static final int TAG_TILE_BYTE_COUNTS = 325;
    private static final int TIFF_SHORT = 3;
    private static final int TIFF_LONG = 4;

    private StructureCheck() {
    }

    /**
     * Throws TRUNCATED if the container ends early and CORRUPT if its structure is inconsistent.
     *
     * @return the number of pages (TIFF image directories), 1 for the other formats
     */
    static int verify(ImageFormat format, byte[] b) throws ImageRejectedException {
        try {
            return switch (format) {
                case PNG -> png(b);
                case JPEG -> jpeg(b);
                case TIFF -> tiff(b);
                case BMP -> bmp(b);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            // Reads below are bounds-checked first; should one slip through, running off the end of the bytes
            // is what truncation looks like.
            throw new ImageRejectedException(RejectReason.TRUNCATED,
                    format + " structure runs past the end of the file", e);
        }
    }

    private static int png(byte[] b) throws ImageRejectedException {
        int pos = 8;
        boolean first = true;
        CRC32 crc = new CRC32();
        while (true) {
            if (pos + 8 > b.length) {
                throw truncated("PNG ends after " + b.length + " bytes without an IEND chunk");
            }
            long length = u32be(b, pos);
            int type = (int) u32be(b, pos + 4);
            if (length > Integer.MAX_VALUE) {
                throw corrupt("PNG chunk " + chunkName(type) + " claims " + length + " bytes");
            }
            if (first && type != IHDR) {
                throw corrupt("PNG does not start with IHDR but " + chunkName(type));
            }
            first = false;
            long end = pos + 12L + length;
            if (end > b.length) {
                throw truncated("PNG chunk " + chunkName(type) + " at offset " + pos + " is cut off (needs " + end
                        + " bytes, file has " + b.length + ")");
            }
            boolean critical = (b[pos + 4] & 0x20) == 0;
            if (critical) { // ancillary chunks may be damaged without harm; the spec lets decoders skip them
                crc.reset();
                crc.update(b, pos + 4, 4 + (int) length);
                if (crc.getValue() != u32be(b, pos + 8 + (int) length)) {
                    throw corrupt("PNG chunk " + chunkName(type) + " at offset " + pos + " fails its CRC");
                }
            }
            if (type == IEND) {
                return 1;
            }
            pos = (int) end;
        }
    }

    private static int jpeg(byte[] b) throws ImageRejectedException {
        int n = b.length;
        int pos = 2;
        while (pos < n) {
            if ((b[pos] & 0xFF) != 0xFF) {
                pos++; // stray bytes between segments: libjpeg tolerates them with a warning, so do we
                continue;
            }
            while (pos < n && (b[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= n) {
                break;
            }
            int marker = b[pos++] & 0xFF;
            if (marker == 0xD9) {
                return 1; // EOI; anything after it (camera trailers, a second MPO frame) is not ours to judge
            }
            if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                continue; // markers without a length
            }
            if (pos + 2 > n) {
                break;
            }
            int length = u16be(b, pos);
            if (length < 2) {
                throw corrupt(String.format("JPEG segment FF%02X at offset %d has length %d", marker, pos - 2, length));
            }
            if (pos + length > n) {
                break;
            }
            pos += length;
            if (marker == 0xDA) {
                pos = skipEntropyCodedData(b, pos);
            }
        }
        throw truncated("JPEG ends after " + n + " bytes without an EOI marker");
    }

    /** Returns the offset of the next real marker after a scan, or the end of the bytes. */
    private static int skipEntropyCodedData(byte[] b, int pos) {
        int n = b.length;
        while (pos < n) {
            if ((b[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            if (pos + 1 >= n) {
                return n;
            }
            int next = b[pos + 1] & 0xFF;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                pos += 2; // stuffed zero or restart marker: still inside the scan
            } else if (next == 0xFF) {
                pos++;
            } else {
                return pos;
            }
        }
        return n;
    }

    private static int tiff(byte[] b) throws ImageRejectedException {
        if (b.length < 8) {
            throw truncated("TIFF header cut short at " + b.length + " bytes");
        }
        boolean le = b[0] == 'I';
        long ifd = u32(b, 4, le);
        Set<Long> seen = new HashSet<>();
        int pages = 0;
        while (ifd != 0) {
            if (ifd < 8) {
                throw corrupt("TIFF directory offset " + ifd + " points into the header");
            }
            if (ifd + 2 > b.length) {
                throw truncated("TIFF directory " + pages + " at offset " + ifd + " lies beyond the end (" + b.length
                        + " bytes)");
            }
            if (!seen.add(ifd)) {
                throw corrupt("TIFF directory chain loops back to offset " + ifd);
            }
            int entries = u16(b, (int) ifd, le);
            long next = ifd + 2 + 12L * entries;
            if (next + 4 > b.length) {
                throw truncated("TIFF directory " + pages + " is cut off");
            }
            Table offsets = null;
            Table counts = null;
            for (int i = 0; i < entries; i++) {
                int entry = (int) ifd + 2 + 12 * i;
                int tag = u16(b, entry, le);
                if (tag == TAG_STRIP_OFFSETS || tag == TAG_TILE_OFFSETS) {
                    offsets = table(b, entry, le);
                } else if (tag == TAG_STRIP_BYTE_COUNTS || tag == TAG_TILE_BYTE_COUNTS) {
                    counts = table(b, entry, le);
                }
            }
            if (offsets != null) {
                for (int k = 0; k < offsets.count(); k++) {
                    long length = counts != null && k < counts.count() ? counts.get(b, k, le) : 1;
                    long end = offsets.get(b, k, le) + length;
                    if (end > b.length) {
                        throw truncated(
                                "TIFF page " + pages + " strip/tile " + k + " ends at " + end + " but the file has "
                                        + b.length + " bytes");
                    }
                }
            }
            pages++;
            ifd = u32(b, (int) next, le);
        }
        if (pages == 0) {
            throw corrupt("TIFF has no image directory");
        }
        return pages;
    }

    /** Where the SHORT or LONG values of a directory entry lie; read in place, so a huge table costs no memory. */
    private record Table(int size, int count, int at) {
        long get(byte[] b, int i, boolean le) {
            int p = at + i * size;
            return size == 2 ? u16(b, p, le) : u32(b, p, le);
        }
    }

    /** The strip/tile table of a directory entry, or null for value types that are not ours to check. */
    private static Table table(byte[] b, int entry, boolean le) throws ImageRejectedException {
        int type = u16(b, entry + 2, le);
        long count = u32(b, entry + 4, le);
        int size = type == TIFF_SHORT ? 2 : type == TIFF_LONG ? 4 : 0;
        if (size == 0) {
            return null;
        }
        long bytes = count * size;
        long at = bytes <= 4 ? entry + 8 : u32(b, entry + 8, le);
        if (at + bytes > b.length) {
            throw truncated("TIFF strip/tile table of " + count + " values at offset " + at + " runs past the end ("
                    + b.length + " bytes)");
        }
        return new Table(size, (int) count, (int) at);
    }

    /**
     * Width and height as a BMP header declares them ({0, 0} if the header is too short), for when the JDK's reader
     * refuses a header outright ("Invalid width/height", which it also says whenever the pixel data is missing) and
     * a bomb should still be reported as one.
     */
    static long[] bmpDeclaredSize(byte[] b) {
        if (b.length < 26) {
            return new long[] {0, 0};
        }
        if (u32(b, 14, true) == 12) {
            return new long[] {u16(b, 18, true), u16(b, 20, true)};
        }
        return new long[] {Math.abs((long) (int) u32(b, 18, true)), Math.abs((long) (int) u32(b, 22, true))};
    }

    private static int bmp(byte[] b) throws ImageRejectedException {
        long dataOffset = u32(b, 10, true);
        long dib = u32(b, 14, true);
        if (14 + dib > b.length) {
            throw truncated("BMP info header cut short");
        }
        long width;
        long height;
        int bitsPerPixel;
        long compression;
        long imageSize;
        if (dib == 12) {
            width = u16(b, 18, true);
            height = u16(b, 20, true);
            bitsPerPixel = u16(b, 24, true);
            compression = 0;
            imageSize = 0;
        } else {
            width = Math.abs((long) (int) u32(b, 18, true));
            height = Math.abs((long) (int) u32(b, 22, true));
            bitsPerPixel = u16(b, 28, true);
            // OS/2 2.x headers may stop before these fields; absent means uncompressed
            compression = dib >= 20 ? u32(b, 30, true) : 0;
            imageSize = dib >= 24 ? u32(b, 34, true) : 0;
        }
        if (dataOffset > b.length) {
            throw truncated("BMP pixel data would start at " + dataOffset + " but the file has " + b.length + " bytes");
        }
        boolean uncompressed = compression == 0 || compression == 3 || compression == 6;
        long needed = uncompressed
                ? dataOffset + (bitsPerPixel * width + 31) / 32 * 4 * height
                : dataOffset + imageSize;
        if (needed > b.length) {
            throw truncated("BMP pixel data needs " + needed + " bytes but the file has " + b.length);
        }
        return 1;
    }

    private static ImageRejectedException truncated(String detail) {
        return new ImageRejectedException(RejectReason.TRUNCATED, detail);
    }

    private static ImageRejectedException corrupt(String detail) {
        return new ImageRejectedException(RejectReason.CORRUPT, detail);
    }

    private static String chunkName(int type) {
        char[] c = {(char) (type >>> 24 & 0xFF), (char) (type >>> 16 & 0xFF), (char) (type >>> 8 & 0xFF),
            (char) (type & 0xFF)};
        for (char ch : c) {
            if (ch < 0x21 || ch > 0x7E) {
                return String.format("0x%08x", type);
            }
        }
        return new String(c);
    }

    private static int u16be(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    private static long u32be(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    private static int u16(byte[] b, int p, boolean le) {
        return le ? (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 : u16be(b, p);
    }

    private static long u32(byte[] b, int p, boolean le) {
        return le
                ? (b[p] & 0xFFL) | (b[p + 1] & 0xFFL) << 8 | (b[p + 2] & 0xFFL) << 16 | (b[p + 3] & 0xFFL) << 24
                : u32be(b, p);
    }
}
