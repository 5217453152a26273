package org.karyoloop.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

/** Generates small encoded images with known pixel values, so tests need no binary fixtures in the repository. */
final class TestImages {

    static final int W = 256;
    static final int H = 64;

    private TestImages() {
    }

    /** Horizontal ramp: column x has gray x (0..255), with a little vertical variation so rows differ. */
    static BufferedImage grayRamp() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = image.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                r.setSample(x, y, 0, Math.min(255, x + y / 16));
            }
        }
        return image;
    }

    /** 16-bit ramp from {@code lo} to {@code hi} across the columns, as a 12-bit camera in a 16-bit file would give. */
    static BufferedImage gray16Ramp(int lo, int hi) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = image.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                r.setSample(x, y, 0, lo + (int) Math.round((double) (hi - lo) * x / (W - 1)));
            }
        }
        return image;
    }

    /** Colourful RGB: red rises across, green down, blue constant. */
    static BufferedImage rgb() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, x << 16 | (y * 4) << 8 | 90);
            }
        }
        return image;
    }

    /** Smooth RGB (JPEG-friendly) so lossy compression stays within a few levels. */
    static BufferedImage smoothRgb() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                image.setRGB(x, y, (x * 3 / 4 + 20) << 16 | (x / 2 + 60) << 8 | (200 - y));
            }
        }
        return image;
    }

    /** 8-bit palette whose entries are coloured, so the palette's luminance (not the index) must be used. */
    static BufferedImage palette() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED,
                org.karyoloop.testing.TestImages.colouredPalette());
        WritableRaster r = image.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                r.setSample(x, y, 0, (x + y) & 0xFF);
            }
        }
        return image;
    }

    /** Rec.601 luma of each pixel's sRGB value, computed independently of the code under test. */
    static int expectedLuma(BufferedImage image, int x, int y) {
        int p = image.getRGB(x, y);
        return (int) Math.round(0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF));
    }

    static byte[] write(BufferedImage image, String format) {
        return org.karyoloop.testing.TestImages.encode(image, format);
    }

    /** TIFF with the given compression ("LZW", "Deflate", null for none) and byte order. */
    static byte[] tiff(String compression, ByteOrder order, BufferedImage... pages) {
        return org.karyoloop.testing.TestImages.encode("tiff", writer -> {
            ((ImageOutputStream) writer.getOutput()).setByteOrder(order);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), param);
            }
            writer.endWriteSequence();
        });
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        return jpeg(new IIOImage(image, null, null), param -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
        });
    }

    static byte[] progressiveJpeg(BufferedImage image) {
        return jpeg(new IIOImage(image, null, null), param -> param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));
    }

    /** The JDK's JPEG writer's bytes of {@code image}, with {@code settings} applied to its default parameters. */
    private static byte[] jpeg(IIOImage image, Consumer<ImageWriteParam> settings) {
        return org.karyoloop.testing.TestImages.encode("jpeg", writer -> {
            ImageWriteParam param = writer.getDefaultWriteParam();
            settings.accept(param);
            writer.write(null, image, param);
        });
    }

    /**
     * A CMYK JPEG as Photoshop writes them: four channels stored inverted, and an Adobe APP14 marker with
     * transform 0 (no colour transform) inserted after SOI so readers know the channels are CMYK. No writer makes
     * these directly, so the JDK writer encodes the four-band raster and the marker is spliced in. Ink: a black
     * (K) ramp across the columns, no C, M or Y, so the expected gray is 255 - k.
     */
    static byte[] cmykJpeg() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, W, H, 4, null);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                raster.setPixel(x, y, new int[] {255, 255, 255, 255 - cmykInk(x)});
            }
        }
        byte[] plain = jpeg(new IIOImage(raster, null, null), param -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
        });
        return org.karyoloop.testing.TestImages.withAdobeCmykMarker(plain);
    }

    /** The K ink of the CMYK JPEG at column x. */
    static int cmykInk(int x) {
        return x * 200 / (W - 1);
    }

    /**
     * A 32-bit BMP written by hand, as some microscope software does: BGRX pixels. With {@code v5Alpha} the header
     * is BITMAPV5 with an alpha mask, yet every alpha byte is zero, the case where naive decoding shows nothing.
     */
    static byte[] bmp32(BufferedImage image, boolean v5Alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        int info = v5Alpha ? 124 : 40;
        ByteBuffer b = ByteBuffer.allocate(14 + info + w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(14 + info);
        b.putInt(info).putInt(w).putInt(h).putShort((short) 1).putShort((short) 32).putInt(v5Alpha ? 3 : 0)
                .putInt(w * h * 4).putInt(2835).putInt(2835).putInt(0).putInt(0);
        if (v5Alpha) {
            b.putInt(0x00FF0000).putInt(0x0000FF00).putInt(0x000000FF).putInt(0xFF000000);
            b.putInt(0x73524742); // 'sRGB'
            b.position(b.position() + 36 + 12); // endpoints, gamma
            b.putInt(4).putInt(0).putInt(0).putInt(0); // intent, profile data, profile size, reserved
        }
        for (int y = h - 1; y >= 0; y--) { // bottom-up
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                b.put((byte) p).put((byte) (p >> 8)).put((byte) (p >> 16)).put((byte) 0);
            }
        }
        return b.array();
    }

    /** See {@link org.karyoloop.testing.TestImages#pngClaiming(int, int)}. */
    static byte[] pngClaiming(int width, int height) {
        return org.karyoloop.testing.TestImages.pngClaiming(width, height);
    }

    /** A BMP header claiming width x height with no pixel data behind it. */
    static byte[] bmpClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(54 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'B').put((byte) 'M').putInt(b.capacity()).putInt(0).putInt(54);
        b.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
                .putInt(2835).putInt(2835).putInt(0).putInt(0);
        return b.array();
    }

    /** The JPEG with its SOF dimensions rewritten. */
    static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i < copy.length - 9; i++) {
            if ((copy[i] & 0xFF) == 0xFF && ((copy[i + 1] & 0xFF) == 0xC0 || (copy[i + 1] & 0xFF) == 0xC2)) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
        }
        throw new IllegalStateException("no SOF marker");
    }

    /** Folder of shared test data: -Dkaryoloop.testdata, else ../shared/testdata, else /work/shared/testdata. */
    static Path testData() {
        String property = System.getProperty("karyoloop.testdata");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        Path relative = Path.of("..", "shared", "testdata").toAbsolutePath().normalize();
        return Files.isDirectory(relative) ? relative : Path.of("/work/shared/testdata");
    }

    /** A little-endian TIFF whose only directory names itself as the next one. */
    static byte[] loopingTiff() {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 256).putShort((short) 3).putInt(1).putInt(16); // ImageWidth = 16
        b.putInt(8); // next directory: itself
        return b.array();
    }

    /** The TIFF with its ImageWidth and ImageLength entries rewritten (first directory, as the JDK writes them). */
    static byte[] tiffClaiming(byte[] tiff, int width, int height) {
        byte[] copy = tiff.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(copy[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int entries = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            int tag = b.getShort(entry) & 0xFFFF;
            if (tag == 256 || tag == 257) {
                b.putShort(entry + 2, (short) 4).putInt(entry + 4, 1).putInt(entry + 8, tag == 256 ? width : height);
            }
        }
        return copy;
    }
}
