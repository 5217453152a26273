package org.karyoloop.imaging;

import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the PNGs microscopes send (8 bits per sample, not interlaced, gray, gray+alpha, RGB or RGBA) straight into
 * the gray plane: IDAT chunks are inflated row by row and unfiltered in place, with no BufferedImage in between. The
 * result is identical to ImageIO followed by {@link GrayConversion} (gray: the sample; colour: Rec.601 luma; alpha
 * ignored). Measured on the benchmark's ~1 MP PNGs on one warm core ({@code org.karyoloop.bench.DecodeCost};
 * bench/README.md, ingest): ImageDecoder takes 7.1 ms per image with this path and 8.8 ms with ImageIO alone, CPU that
 * ingest and scoring each spend per image. The ingest benchmark end to end showed no measurable change: kept for the
 * CPU it saves, not for throughput.
 *
 * <p>It never rejects anything itself: any other layout, and any anomaly (a CRC mismatch, a zlib error, too little or
 * too much image data), returns null so the caller falls back to the ImageIO path, which classifies the problem.
 * Stateless; thread-safe.
 */
final class PngFastPath {

    private static final int SIGNATURE = 8;
    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;

    private PngFastPath() {
    }

    /** The gray plane of {@code png}, or null when this path does not apply (the caller decodes it otherwise). */
    static DecodedImage decode(byte[] png) {
        if (png.length < SIGNATURE + 25 || readInt(png, SIGNATURE + 4) != IHDR || readInt(png, SIGNATURE) != 13) {
            return null;
        }
        int at = SIGNATURE + 8;
        int width = readInt(png, at);
        int height = readInt(png, at + 4);
        int depth = png[at + 8] & 0xFF;
        int colorType = png[at + 9] & 0xFF;
        int interlace = png[at + 12] & 0xFF;
        int channels = switch (colorType) {
            case 0 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 0;
        };
        if (channels == 0 || depth != 8 || interlace != 0 || png[at + 10] != 0 || png[at + 11] != 0 || width <= 0
                || height <= 0 || (long) width * channels + 1 > Integer.MAX_VALUE / 2) {
            return null;
        }
        try {
            byte[] gray = inflate(png, width, height, channels);
            return gray == null ? null : new DecodedImage(ImageFormat.PNG, width, height, 8, 1, gray);
        } catch (DataFormatException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] inflate(byte[] png, int width, int height, int channels) throws DataFormatException {
        int stride = width * channels;
        byte[] previous = new byte[stride];
        byte[] current = new byte[stride];
        byte[] filter = new byte[1];
        byte[] gray = new byte[width * height];
        Inflater inflater = new Inflater();
        CRC32 crc = new CRC32();
        try {
            int chunk = SIGNATURE;
            int row = 0;
            int filled = -1; // -1: the row's filter byte is next
            boolean sawData = false;
            while (chunk + 12 <= png.length) {
                int length = readInt(png, chunk);
                int type = readInt(png, chunk + 4);
                if (length < 0 || chunk + 12L + length > png.length) {
                    return null;
                }
                crc.reset();
                crc.update(png, chunk + 4, length + 4);
                if ((int) crc.getValue() != readInt(png, chunk + 8 + length)) {
                    return null;
                }
                if (type == IEND) {
                    break;
                }
                if (type == IDAT) {
                    sawData = true;
                    inflater.setInput(png, chunk + 8, length);
                    while (row < height && !inflater.finished()) {
                        int got;
                        if (filled < 0) {
                            got = inflater.inflate(filter, 0, 1);
                            filled = got == 1 ? 0 : -1;
                        } else {
                            got = inflater.inflate(current, filled, stride - filled);
                            filled += got;
                            if (filled == stride) {
                                if (!unfilter(filter[0], current, previous, channels)) {
                                    return null;
                                }
                                toGray(current, channels, gray, row * width, width);
                                byte[] swap = previous;
                                previous = current;
                                current = swap;
                                filled = -1;
                                row++;
                            }
                        }
                        if (got == 0) {
                            if (inflater.needsInput()) {
                                break; // on to the next IDAT chunk
                            }
                            return null; // a preset dictionary, or no progress
                        }
                    }
                } else if (sawData && row < height && type != IDAT) {
                    return null; // IDAT chunks must be consecutive; let ImageIO judge
                }
                chunk += 12 + length;
            }
            return row == height ? gray : null;
        } finally {
            inflater.end();
        }
    }

    /** Reverses the row's filter (PNG spec section 9) in place; false for an unknown filter type. */
    private static boolean unfilter(byte type, byte[] cur, byte[] prev, int bpp) {
        int n = cur.length;
        switch (type) {
            case 0 -> {}
            case 1 -> {
                for (int i = bpp; i < n; i++) {
                    cur[i] += cur[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    cur[i] += prev[i];
                }
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) {
                    cur[i] += (byte) ((prev[i] & 0xFF) >>> 1);
                }
                for (int i = bpp; i < n; i++) {
                    cur[i] += (byte) (((cur[i - bpp] & 0xFF) + (prev[i] & 0xFF)) >>> 1);
                }
            }
            case 4 -> {
                for (int i = 0; i < bpp; i++) {
                    cur[i] += prev[i];
                }
                for (int i = bpp; i < n; i++) {
                    cur[i] += (byte) paeth(cur[i - bpp] & 0xFF, prev[i] & 0xFF, prev[i - bpp] & 0xFF);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The Paeth predictor of the PNG specification (left, above, upper left). */
    static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void toGray(byte[] row, int channels, byte[] gray, int offset, int width) {
        if (channels == 1) {
            System.arraycopy(row, 0, gray, offset, width);
        } else if (channels == 2) {
            for (int x = 0; x < width; x++) {
                gray[offset + x] = row[2 * x];
            }
        } else {
            for (int x = 0, i = 0; x < width; x++, i += channels) {
                gray[offset + x] = (byte) GrayConversion.luma8(row[i] & 0xFF, row[i + 1] & 0xFF, row[i + 2] & 0xFF);
            }
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
