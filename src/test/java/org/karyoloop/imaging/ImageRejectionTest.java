package org.karyoloop.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageRejectionTest {

    private static final long MAX_BYTES = 4L << 20;
    private static final long MAX_PIXELS = 25_000_000;
    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(MAX_BYTES, MAX_PIXELS));

    record Case(String name, Supplier<byte[]> bytes, RejectReason reason, String detailContains) {
        @Override
        public String toString() {
            return name + " -> " + reason.code();
        }
    }

    static Stream<Case> badInputs() {
        byte[] png = TestImages.write(TestImages.grayRamp(), "png");
        byte[] jpeg = TestImages.jpeg(TestImages.smoothRgb(), 0.9f);
        byte[] tiff = TestImages.tiff(null, ByteOrder.BIG_ENDIAN, TestImages.grayRamp());
        byte[] bmp = TestImages.write(TestImages.rgb(), "bmp");
        return Stream.of(
                new Case("empty", () -> new byte[0], RejectReason.EMPTY, ""),
                new Case("random bytes", () -> random(5000, 1), RejectReason.NOT_AN_IMAGE, "unknown signature"),
                new Case("plain text", () -> "hello, doctor".getBytes(StandardCharsets.US_ASCII),
                        RejectReason.NOT_AN_IMAGE, ""),
                new Case("text starting with BM",
                        () -> "BMW service report, page 1 of 3".getBytes(StandardCharsets.US_ASCII),
                        RejectReason.NOT_AN_IMAGE, "BM"),
                new Case("PNG with a damaged signature", () -> with(png, 1, 'Q'), RejectReason.NOT_AN_IMAGE, ""),
                new Case("MP4 video (ftyp isom)", () -> ascii("\0\0\0\u0018ftypisom\0\0\0\0isomiso2"),
                        RejectReason.NOT_AN_IMAGE, ""),
                new Case("three bytes of a PNG signature", () -> Arrays.copyOf(png, 3), RejectReason.TRUNCATED,
                        "signature"),
                new Case("PNG cut in half", () -> Arrays.copyOf(png, png.length / 2), RejectReason.TRUNCATED, "PNG"),
                new Case("PNG missing only IEND", () -> Arrays.copyOf(png, png.length - 12), RejectReason.TRUNCATED,
                        "IEND"),
                new Case("PNG cut inside IHDR", () -> Arrays.copyOf(png, 20), RejectReason.TRUNCATED, ""),
                new Case("PNG with a flipped bit in IDAT", () -> flipInIdat(png), RejectReason.CORRUPT, "CRC"),
                new Case("JPEG cut in half", () -> Arrays.copyOf(jpeg, jpeg.length / 2), RejectReason.TRUNCATED, "EOI"),
                new Case("JPEG missing only EOI", () -> Arrays.copyOf(jpeg, jpeg.length - 2), RejectReason.TRUNCATED,
                        "EOI"),
                new Case("progressive JPEG cut after its first scans",
                        () -> cut(TestImages.progressiveJpeg(TestImages.smoothRgb()), 0.6),
                        RejectReason.TRUNCATED, "EOI"),
                new Case("JPEG cut inside its headers", () -> Arrays.copyOf(jpeg, 30), RejectReason.TRUNCATED, ""),
                new Case("TIFF cut in half", () -> Arrays.copyOf(tiff, tiff.length / 2), RejectReason.TRUNCATED,
                        "strip"),
                new Case("TIFF cut inside its header", () -> Arrays.copyOf(tiff, 6), RejectReason.TRUNCATED, ""),
                new Case("TIFF whose directory lies beyond the end", () -> tiffWithIfdAt(0x7FFF_0000),
                        RejectReason.TRUNCATED, "directory"),
                new Case("TIFF whose directory chain loops", TestImages::loopingTiff, RejectReason.CORRUPT, "loops"),
                new Case("BMP cut in half", () -> Arrays.copyOf(bmp, bmp.length / 2), RejectReason.TRUNCATED, "BMP"),
                new Case("BMP header only", () -> Arrays.copyOf(bmp, 16), RejectReason.TRUNCATED, "BMP"),
                new Case("GIF", () -> TestImages.write(TestImages.grayRamp(), "gif"), RejectReason.UNSUPPORTED_FORMAT,
                        "GIF"),
                new Case("WebP", () -> ascii("RIFF\u0024\0\0\0WEBPVP8 "), RejectReason.UNSUPPORTED_FORMAT, "WebP"),
                new Case("JPEG 2000", () -> bytes(0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10, 0x87, 10, 0, 0, 0, 20),
                        RejectReason.UNSUPPORTED_FORMAT, "JPEG 2000"),
                new Case("JPEG 2000 codestream", () -> bytes(0xFF, 0x4F, 0xFF, 0x51, 0, 0x2F),
                        RejectReason.UNSUPPORTED_FORMAT, "JPEG 2000"),
                new Case("HEIC", () -> ascii("\0\0\0\u0018ftypheic\0\0\0\0mif1heic"), RejectReason.UNSUPPORTED_FORMAT,
                        "HEIF"),
                new Case("AVIF", () -> ascii("\0\0\0\u001cftypavif\0\0\0\0avifmif1"), RejectReason.UNSUPPORTED_FORMAT,
                        "AVIF"),
                new Case("PDF", () -> ascii("%PDF-1.7\n%\u00e2\u00e3"), RejectReason.UNSUPPORTED_FORMAT, "PDF"),
                new Case("BigTIFF", () -> bytes('I', 'I', 43, 0, 8, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0),
                        RejectReason.UNSUPPORTED_FORMAT, "BigTIFF"),
                new Case("DICOM", ImageRejectionTest::dicomPreamble, RejectReason.UNSUPPORTED_FORMAT, "DICOM"),
                new Case("PNG claiming 100000x100000", () -> TestImages.pngClaiming(100_000, 100_000),
                        RejectReason.TOO_MANY_PIXELS, "100000x100000"),
                new Case("PNG claiming 0 width", () -> TestImages.pngClaiming(0, 10), RejectReason.CORRUPT, ""),
                new Case("BMP claiming 100000x100000 (the JDK refuses the header)",
                        () -> TestImages.bmpClaiming(100_000, 100_000),
                        RejectReason.TOO_MANY_PIXELS, ""),
                new Case("BMP claiming 6000x6000 (the JDK reads the header)", () -> TestImages.bmpClaiming(6000, 6000),
                        RejectReason.TOO_MANY_PIXELS, "6000x6000"),
                new Case("JPEG claiming 60000x60000", () -> TestImages.jpegClaiming(jpeg, 60_000, 60_000),
                        RejectReason.TOO_MANY_PIXELS, ""),
                new Case("TIFF claiming 2 billion pixels", () -> TestImages.tiffClaiming(tiff, 50_000, 40_000),
                        RejectReason.TOO_MANY_PIXELS, ""),
                new Case("over maxBytes, checked before the magic", () -> random((int) MAX_BYTES + 1, 2),
                        RejectReason.TOO_MANY_BYTES, "exceed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRejectedWithItsReason(Case c) {
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> decoder.decode(c.bytes().get()));

        assertEquals(c.reason(), e.reason(), () -> "detail: " + e.detail());
        assertTrue(e.detail().contains(c.detailContains()), () -> "detail: " + e.detail());
        assertTrue(e.getMessage().startsWith(c.reason().code() + ": "));
    }

    @Test
    void decompressionBombIsRejectedFromItsHeaderWithoutAllocating() {
        byte[] bomb = TestImages.pngClaiming(100_000, 100_000);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThrows(ImageRejectedException.class, () -> decoder.decode(bomb)); // warm up class loading
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();

        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> decoder.decode(bomb));

        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        assertEquals(RejectReason.TOO_MANY_PIXELS, e.reason());
        assertTrue(millis < 500, "took " + millis + " ms");
        assertTrue(allocated < 4L << 20, "allocated " + allocated + " bytes; 10^10 pixels would need 10 GB");
    }

    @Test
    void pixelLimitCountsWidthTimesHeight() throws Exception {
        byte[] png = TestImages.write(TestImages.grayRamp(), "png"); // 256 x 64 = 16384 pixels
        assertEquals(16384, new ImageDecoder(new ImageLimits(MAX_BYTES, 16384)).decode(png).gray().length);

        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> new ImageDecoder(new ImageLimits(MAX_BYTES, 16383)).decode(png));
        assertEquals(RejectReason.TOO_MANY_PIXELS, e.reason());
    }

    @Test
    void byteLimitIsInclusive() throws Exception {
        byte[] png = TestImages.write(TestImages.grayRamp(), "png");
        assertEquals(ImageFormat.PNG, new ImageDecoder(new ImageLimits(png.length, MAX_PIXELS)).decode(png).format());

        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> new ImageDecoder(new ImageLimits(png.length - 1, MAX_PIXELS)).decode(png));
        assertEquals(RejectReason.TOO_MANY_BYTES, e.reason());
    }

    @Test
    void trailingBytesAfterJpegEoiAreAccepted() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.smoothRgb(), 0.9f);
        byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + 100); // camera trailers, zero padding

        assertEquals(TestImages.W, decoder.decode(withTrailer).width());
    }

    /** Codecs throw ArrayIndexOutOfBounds, NegativeArraySize and the like on hostile input; none may escape. */
    @Test
    void mutatedFilesAreDecodedOrRejectedButNeverThrowRuntimeExceptions() {
        byte[][] seeds = {
            TestImages.write(TestImages.grayRamp(), "png"),
            TestImages.write(TestImages.palette(), "png"),
            TestImages.jpeg(TestImages.smoothRgb(), 0.8f),
            TestImages.cmykJpeg(),
            TestImages.tiff("LZW", ByteOrder.BIG_ENDIAN, TestImages.grayRamp(), TestImages.rgb()),
            TestImages.tiff(null, ByteOrder.LITTLE_ENDIAN, TestImages.gray16Ramp(0, 4095)),
            TestImages.write(TestImages.rgb(), "bmp"),
            TestImages.bmp32(TestImages.rgb(), true),
        };
        ImageDecoder small = new ImageDecoder(new ImageLimits(MAX_BYTES, 4_000_000));
        Random random = new Random(42);
        int decoded = 0;
        int rejected = 0;
        for (byte[] seed : seeds) {
            for (int round = 0; round < 150; round++) {
                byte[] mutant = seed.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    // headers are where parsers are most fragile: aim half of the flips at the first 200 bytes
                    int at = random.nextBoolean() ? random.nextInt(Math.min(200, mutant.length))
                            : random.nextInt(mutant.length);
                    mutant[at] = (byte) random.nextInt(256);
                }
                try {
                    small.decode(mutant);
                    decoded++;
                } catch (ImageRejectedException e) {
                    rejected++;
                }
            }
        }
        assertEquals(seeds.length * 150, decoded + rejected);
        assertTrue(rejected > 0 && decoded > 0, decoded + " decoded, " + rejected + " rejected");
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        b[0] = 0x13; // no signature starts with this byte
        return b;
    }

    private static byte[] cut(byte[] b, double keep) {
        return Arrays.copyOf(b, (int) (b.length * keep));
    }

    private static byte[] with(byte[] b, int index, int value) {
        byte[] copy = b.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] flipInIdat(byte[] png) {
        String s = new String(png, StandardCharsets.ISO_8859_1);
        int idat = s.indexOf("IDAT");
        byte[] copy = png.clone();
        copy[idat + 10] ^= 0x10;
        return copy;
    }

    private static byte[] tiffWithIfdAt(int offset) {
        return ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN).put((byte) 'M').put((byte) 'M').putShort((short) 42)
                .putInt(offset).array();
    }

    private static byte[] dicomPreamble() {
        byte[] b = new byte[200];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, b, 128, 4);
        return b;
    }
}
