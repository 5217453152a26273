package org.karyoloop.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntBinaryOperator;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageDecoderTest {

    private static final int W = TestImages.W;
    private static final int H = TestImages.H;
    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(64L << 20, 50_000_000));

    /**
     * One row of the decoding table: the bytes, what the decoder must report, and the gray value expected at each
     * pixel (with a tolerance for lossy formats).
     */
    record Case(String name, byte[] bytes, ImageFormat format, int width, int height, int bits, int pages,
            IntBinaryOperator expectedGray, int tolerance) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> trickyFiles() {
        BufferedImage ramp = TestImages.grayRamp();
        BufferedImage rgb = TestImages.rgb();
        BufferedImage smooth = TestImages.smoothRgb();
        BufferedImage palette = TestImages.palette();
        IntBinaryOperator rampGray = (x, y) -> Math.min(255, x + y / 16);
        IntBinaryOperator stretchedRamp = (x, y) -> x; // 16-bit ramp lo..hi stretched to 0..255
        return Stream.of(
                new Case("8-bit gray PNG", TestImages.write(ramp, "png"), ImageFormat.PNG, W, H, 8, 1, rampGray, 0),
                new Case("16-bit gray PNG", TestImages.write(TestImages.gray16Ramp(1000, 5000), "png"), ImageFormat.PNG,
                        W, H, 16, 1, stretchedRamp, 1),
                new Case("16-bit gray TIFF",
                        TestImages.tiff(null, ByteOrder.BIG_ENDIAN, TestImages.gray16Ramp(200, 4095)),
                        ImageFormat.TIFF, W, H, 16, 1, stretchedRamp, 1),
                new Case("palette PNG with coloured entries", TestImages.write(palette, "png"), ImageFormat.PNG, W, H,
                        8, 1,
                        (x, y) -> TestImages.expectedLuma(palette, x, y), 1),
                new Case("RGB PNG", TestImages.write(rgb, "png"), ImageFormat.PNG, W, H, 8, 1,
                        (x, y) -> TestImages.expectedLuma(rgb, x, y), 1),
                new Case("LZW TIFF", TestImages.tiff("LZW", ByteOrder.LITTLE_ENDIAN, ramp), ImageFormat.TIFF, W, H, 8,
                        1,
                        rampGray, 0),
                new Case("big-endian TIFF", TestImages.tiff(null, ByteOrder.BIG_ENDIAN, ramp), ImageFormat.TIFF, W, H,
                        8, 1,
                        rampGray, 0),
                new Case("little-endian Deflate RGB TIFF", TestImages.tiff("Deflate", ByteOrder.LITTLE_ENDIAN, rgb),
                        ImageFormat.TIFF, W, H, 8, 1, (x, y) -> TestImages.expectedLuma(rgb, x, y), 1),
                new Case("three-page TIFF, page 0 decoded",
                        TestImages.tiff("LZW", ByteOrder.BIG_ENDIAN, ramp, TestImages.rgb(), TestImages.palette()),
                        ImageFormat.TIFF, W, H, 8, 3, rampGray, 0),
                new Case("RGB JPEG", TestImages.jpeg(smooth, 0.95f), ImageFormat.JPEG, W, H, 8, 1,
                        (x, y) -> TestImages.expectedLuma(smooth, x, y), 6),
                new Case("progressive RGB JPEG", TestImages.progressiveJpeg(smooth), ImageFormat.JPEG, W, H, 8, 1,
                        (x, y) -> TestImages.expectedLuma(smooth, x, y), 6),
                new Case("gray JPEG", TestImages.jpeg(ramp, 0.95f), ImageFormat.JPEG, W, H, 8, 1, rampGray, 6),
                new Case("CMYK JPEG with Adobe marker", TestImages.cmykJpeg(), ImageFormat.JPEG, W, H, 8, 1,
                        (x, y) -> 255 - TestImages.cmykInk(x), 8),
                new Case("24-bit BMP", TestImages.write(rgb, "bmp"), ImageFormat.BMP, W, H, 8, 1,
                        (x, y) -> TestImages.expectedLuma(rgb, x, y), 1),
                new Case("32-bit BMP with zero fourth byte", TestImages.bmp32(rgb, false), ImageFormat.BMP, W, H, 8, 1,
                        (x, y) -> TestImages.expectedLuma(rgb, x, y), 1),
                new Case("32-bit BMPv5 with alpha mask but all alpha zero", TestImages.bmp32(rgb, true),
                        ImageFormat.BMP,
                        W, H, 8, 1, (x, y) -> TestImages.expectedLuma(rgb, x, y), 1),
                new Case("8-bit gray BMP (palette)", TestImages.write(ramp, "bmp"), ImageFormat.BMP, W, H, 8, 1,
                        rampGray, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trickyFiles")
    void trickyFilesDecodeToExpectedGray(Case c) throws Exception {
        DecodedImage image = decoder.decode(c.bytes());

        assertEquals(c.format(), image.format(), "format");
        assertEquals(c.width(), image.width(), "width");
        assertEquals(c.height(), image.height(), "height");
        assertEquals(c.bits(), image.bitsPerSample(), "bits per sample");
        assertEquals(c.pages(), image.pages(), "pages");
        int worst = 0;
        String where = "";
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < c.width(); x++) {
                int error = Math.abs(image.grayAt(x, y) - c.expectedGray().applyAsInt(x, y));
                if (error > worst) {
                    worst = error;
                    where = "(" + x + "," + y + ") got " + image.grayAt(x, y) + " expected "
                            + c.expectedGray().applyAsInt(x, y);
                }
            }
        }
        assertTrue(worst <= c.tolerance(), "largest gray error " + worst + " at " + where);
    }

    static Stream<Arguments> adirMfishTiffs() throws IOException {
        Path folder = TestImages.testData().resolve("adir-mfish");
        if (!Files.isDirectory(folder)) {
            return Stream.of(Arguments.of(folder.resolve("missing.tif")));
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tif")).sorted().toList().stream()
                    .map(Arguments::of);
        }
    }

    /** Real microscope files: big-endian, LZW, 8-bit palette, 645x517; compared with ImageIO's own rendering. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("adirMfishTiffs")
    void realMicroscopePaletteTiffsDecodeLikeImageIoRendersThem(Path file) throws Exception {
        assumeTrue(Files.isRegularFile(file), "shared test data not found at " + file + "; set -Dkaryoloop.testdata");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals('M', bytes[0], "these files are big-endian");

        DecodedImage image = decoder.decode(bytes);

        assertEquals(ImageFormat.TIFF, image.format());
        assertEquals(645, image.width());
        assertEquals(517, image.height());
        assertEquals(8, image.bitsPerSample());
        assertEquals(1, image.pages());
        BufferedImage reference = ImageIO.read(file.toFile());
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                assertEquals(TestImages.expectedLuma(reference, x, y), image.grayAt(x, y), 1.0, "pixel " + x + "," + y);
            }
        }
        IntensityStats stats = IntensityStats.of(image);
        assertTrue(stats.backgroundLevel() < 80, "fluorescence: dark background, was " + stats.backgroundLevel());
    }

    @Test
    void tiffNamedJpegIsDetectedAsTiff(@TempDir Path dir) throws Exception {
        Path misnamed = dir.resolve("spread-0042.jpeg");
        Files.write(misnamed, TestImages.tiff("LZW", ByteOrder.BIG_ENDIAN, TestImages.grayRamp()));
        byte[] bytes = Files.readAllBytes(misnamed);

        assertEquals(ImageFormat.TIFF, decoder.detect(bytes));
        assertEquals(ImageFormat.TIFF, decoder.decode(bytes).format());
    }

    @Test
    void sixteenBitTiffIsStretchedToEightBits() throws Exception {
        // a 12-bit camera: values 200..4095; >> 8 would give 0..15, a nearly black image
        DecodedImage decoded = decoder
                .decode(TestImages.tiff(null, ByteOrder.BIG_ENDIAN, TestImages.gray16Ramp(200, 4095)));

        assertEquals(16, decoded.bitsPerSample());
        assertEquals(0, decoded.grayAt(0, 0));
        assertEquals(128, decoded.grayAt(128, 0), 1.0);
        assertEquals(255, decoded.grayAt(W - 1, 0));
    }

    @Test
    void oneHotPixelDoesNotDarkenASixteenBitImage() throws Exception {
        BufferedImage image = TestImages.gray16Ramp(1000, 5000);
        image.getRaster().setSample(7, 7, 0, 65535);

        DecodedImage decoded = decoder.decode(TestImages.write(image, "png"));

        assertEquals(255, decoded.grayAt(7, 7));
        assertEquals(128, decoded.grayAt(128, 20), 2.0, "mid-ramp stays mid-gray");
        assertEquals(255, decoded.grayAt(W - 1, 20), 1.0);
    }

    @Test
    void flatSixteenBitImageFallsBackToHighByte() throws Exception {
        BufferedImage image = TestImages.gray16Ramp(40000, 40000);

        DecodedImage decoded = decoder.decode(TestImages.write(image, "png"));

        assertEquals(40000 >> 8, decoded.grayAt(10, 10));
    }

    @Test
    void bilevelPngIsScaledToBlackAndWhite() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < H; y++) {
            for (int x = W / 2; x < W; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }

        DecodedImage decoded = decoder.decode(TestImages.write(image, "png"));

        assertEquals(1, decoded.bitsPerSample());
        assertEquals(0, decoded.grayAt(0, 0));
        assertEquals(255, decoded.grayAt(W - 1, H - 1));
    }

    @Test
    void grayAlphaPngIgnoresAlpha() throws Exception {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, x << 16 | x << 8 | x); // alpha 0 everywhere
            }
        }

        DecodedImage decoded = decoder.decode(TestImages.write(image, "png"));

        assertEquals(200, decoded.grayAt(200, 3));
    }

    @Test
    void concurrentDecodesOnOneDecoderAgree() throws Exception {
        byte[] png = TestImages.write(TestImages.grayRamp(), "png");
        byte[] jpeg = TestImages.cmykJpeg();
        byte[] expectedPng = decoder.decode(png).gray();
        byte[] expectedJpeg = decoder.decode(jpeg).gray();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean even = i % 2 == 0;
                futures.add(pool.submit(() -> Arrays.equals(decoder.decode(even ? png : jpeg).gray(),
                        even ? expectedPng : expectedJpeg)));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
