package org.karyoloop.faults;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import org.karyoloop.testing.TestImages;

/**
 * The bad-input corpus, made in code so the repository holds no binary fixtures: each entry is a
 * nasty file with the outcome ingest must give it (stored, or refused with a reason code). A seed makes the
 * pixels, so two corpora with different seeds share no acceptable image (a second send is not a duplicate).
 * {@code FaultDriver corpus-files DIR [SEED]} writes the files to a folder for people to poke at.
 */
public final class BadInputCorpus {

    /** 50 MiB: over the 48 MiB ingest limit and over the 32 MiB images.raw record limit. */
    public static final int HUGE_BYTES = 50 << 20;

    /**
     * One nasty file.
     *
     * @param name        short name, also the file name stem
     * @param fileName    the name a sender would give it (the extension may lie)
     * @param contentType the media type a sender would claim
     * @param bytes       the content
     * @param expected    the reason code ingest must refuse it with, or null when it must be stored
     */
    public record Entry(String name, String fileName, String contentType, byte[] bytes, String expected) {

        /** Whether ingest must store this file. */
        public boolean acceptable() {
            return expected == null;
        }

        @Override
        public String toString() {
            return name + (expected == null ? " -> ingested" : " -> " + expected);
        }
    }

    private BadInputCorpus() {
    }

    /** Every entry except the 50 MiB one (see {@link #huge()}), pixels from {@code seed}. */
    public static List<Entry> entries(long seed) {
        Random r = new Random(seed);
        byte[] png = write(gray(r, 160, 120), "png");
        byte[] tiff = multiPageTiff(gray(r, 96, 64));
        return List.of(
                new Entry("truncated-png", "cut.png", "image/png", Arrays.copyOf(png, png.length / 2), "truncated"),
                new Entry("zero-bytes", "empty.png", "image/png", new byte[0], "empty"),
                new Entry("wrong-magic", "spread.png", "image/png", withMagic(write(gray(r, 64, 48), "png")),
                        "not-an-image"),
                new Entry("huge-declared-dimensions", "bomb.png", "image/png", TestImages.pngClaiming(100_000, 100_000),
                        "too-many-pixels"),
                new Entry("gray-16-bit", "gray16.png", "image/png", write(gray16(r, 128, 96), "png"), null),
                new Entry("palette", "palette.png", "image/png", write(palette(r, 128, 96), "png"), null),
                new Entry("cmyk-jpeg", "cmyk.jpg", "image/jpeg", cmykJpeg(r, 128, 96), null),
                new Entry("multi-page-tiff", "stack.tif", "image/tiff", multiPageTiff(gray(r, 96, 64),
                        gray(r, 96, 64), gray(r, 96, 64)), null),
                new Entry("tiff-named-jpeg", "really-a-tiff.jpeg", "image/jpeg", tiff, null),
                new Entry("random-bytes", "noise.bin", "application/octet-stream", random(r, 64 * 1024),
                        "not-an-image"));
    }

    /** The 50 MiB file: a PNG signature followed by noise, refused by size before anything looks at it. */
    public static Entry huge(long seed) {
        byte[] bytes = random(new Random(seed), HUGE_BYTES);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, bytes, 0, 8);
        return new Entry("file-50mb", "huge.png", "image/png", bytes, "too-many-bytes");
    }

    private static BufferedImage gray(Random r, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, 180 + r.nextInt(60) - ((x / 8 + y / 8) % 5 == 0 ? 120 : 0));
            }
        }
        return image;
    }

    private static BufferedImage gray16(Random r, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, 800 + x * 25 + r.nextInt(200)); // a 12-bit camera in a 16-bit file
            }
        }
        return image;
    }

    private static BufferedImage palette(Random r, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, TestImages.colouredPalette());
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setSample(x, y, 0, (x + y + r.nextInt(8)) & 0xFF);
            }
        }
        return image;
    }

    /** Four inverted channels and an Adobe APP14 marker (transform 0), as Photoshop writes CMYK JPEGs. */
    private static byte[] cmykJpeg(Random r, int w, int h) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setPixel(x, y, new int[] {255, 255, 255, 255 - x * 200 / w - r.nextInt(20)});
            }
        }
        return TestImages.withAdobeCmykMarker(
                TestImages.encode("jpeg", writer -> writer.write(null, new IIOImage(raster, null, null), null)));
    }

    private static byte[] multiPageTiff(BufferedImage... pages) {
        return TestImages.encode("tiff", writer -> {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        });
    }

    /** A real PNG whose first two bytes are "XY": the signature is wrong, the rest intact. */
    private static byte[] withMagic(byte[] png) {
        byte[] copy = png.clone();
        copy[0] = 'X';
        copy[1] = 'Y';
        return copy;
    }

    private static byte[] random(Random r, int n) {
        byte[] bytes = new byte[n];
        r.nextBytes(bytes);
        // 00 01 starts no signature the decoder knows (ISO boxes, JPEG 2000 and ICO start 00 00), so chance cannot
        // make the noise look like a format.
        bytes[0] = 0x00;
        bytes[1] = 0x01;
        return bytes;
    }

    private static byte[] write(BufferedImage image, String format) {
        return TestImages.encode(format, writer -> writer.write(image));
    }
}
