package org.karyoloop.imaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm decode times of megapixel images, printed for the record. Tagged slow (skipped by default) because a shared
 * CI machine makes any wall-clock bound flaky; run with {@code -Dtest.excludedGroups=}.
 */
@Tag("slow")
class DecodeTimingTest {

    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(64L << 20, 50_000_000));

    @Test
    void megapixelEightBitPngDecodesToGrayWellUnderFiftyMilliseconds() throws Exception {
        double median = report("1 MP 8-bit gray PNG", TestImages.write(spread(1024, 1024, false), "png"));
        assertTrue(median < 50, "median " + median + " ms");
    }

    @Test
    void otherMegapixelFormatsForTheRecord() throws Exception {
        BufferedImage gray = spread(1024, 1024, false);
        report("1 MP 16-bit gray PNG", TestImages.write(spread(1024, 1024, true), "png"));
        report("1 MP 8-bit LZW TIFF", TestImages.tiff("LZW", ByteOrder.BIG_ENDIAN, gray));
        report("1 MP 16-bit TIFF", TestImages.tiff(null, ByteOrder.BIG_ENDIAN, spread(1024, 1024, true)));
        report("1 MP gray JPEG q90", TestImages.jpeg(gray, 0.9f));
        BufferedImage rgb = new BufferedImage(1024, 1024, BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(gray, 0, 0, null);
        report("1 MP RGB JPEG q90", TestImages.jpeg(rgb, 0.9f));
        report("1 MP RGB PNG", TestImages.write(rgb, "png"));
        report("1 MP 24-bit BMP", TestImages.write(rgb, "bmp"));
        report("1 MP 32-bit BMP", TestImages.bmp32(rgb, false));
    }

    /** Median of 15 warm runs, after 10 warm-up runs; prints size and timing. */
    private double report(String name, byte[] bytes) throws Exception {
        for (int i = 0; i < 10; i++) {
            IntensityStats.of(decoder.decode(bytes));
        }
        double[] decodeMs = new double[15];
        double[] statsMs = new double[15];
        for (int i = 0; i < decodeMs.length; i++) {
            long t0 = System.nanoTime();
            DecodedImage image = decoder.decode(bytes);
            long t1 = System.nanoTime();
            IntensityStats.of(image);
            long t2 = System.nanoTime();
            decodeMs[i] = (t1 - t0) / 1e6;
            statsMs[i] = (t2 - t1) / 1e6;
        }
        Arrays.sort(decodeMs);
        Arrays.sort(statsMs);
        System.out.printf(
                "TIMING %-22s %8d bytes  decode+gray median %6.1f ms (min %5.1f, max %5.1f)  stats %4.1f ms%n",
                name, bytes.length, decodeMs[7], decodeMs[0], decodeMs[14], statsMs[7]);
        return decodeMs[7];
    }

    /** A spread-like image (noisy background, dark blobs), so compressors see realistic, not trivial, content. */
    private static BufferedImage spread(int width, int height, boolean sixteenBit) {
        BufferedImage image = new BufferedImage(width, height,
                sixteenBit ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = image.getRaster();
        Random random = new Random(1);
        int scale = sixteenBit ? 16 : 1; // 12-bit camera in a 16-bit file
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean blob = ((x / 40) * 7 + (y / 25) * 3) % 11 == 0;
                int v = (int) ((blob ? 90 : 190) + 5 * random.nextGaussian());
                r.setSample(x, y, 0, Math.max(0, Math.min(255, v)) * scale);
            }
        }
        return image;
    }
}
