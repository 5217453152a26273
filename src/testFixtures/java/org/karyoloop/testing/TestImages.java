package org.karyoloop.testing;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Small, unique test images made on the fly (every call gives different bytes). */
public final class TestImages {

    private static final Random RANDOM = new Random();

    private TestImages() {
    }

    /** A unique 8-bit grayscale PNG: a light background with dark random blobs. */
    public static byte[] uniquePng(int width, int height) {
        return encode(uniqueGray(width, height), "png");
    }

    /** A unique grayscale image in the given ImageIO format ("png", "tiff", "bmp", "jpeg", "gif"). */
    public static byte[] unique(String format, int width, int height) {
        BufferedImage gray = uniqueGray(width, height);
        if (format.equals("bmp") || format.equals("jpeg")) {
            BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            rgb.getGraphics().drawImage(gray, 0, 0, null);
            return encode(rgb, format);
        }
        return encode(gray, format);
    }

    private static BufferedImage uniqueGray(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        long seed = RANDOM.nextLong();
        Random r = new Random(seed);
        byte[] px = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (200 + r.nextInt(40));
        }
        for (int b = 0; b < 8; b++) {
            int cx = r.nextInt(width);
            int cy = r.nextInt(height);
            int rad = 2 + r.nextInt(Math.max(3, width / 10));
            for (int y = Math.max(0, cy - rad); y < Math.min(height, cy + rad); y++) {
                for (int x = Math.max(0, cx - rad); x < Math.min(width, cx + rad); x++) {
                    px[y * width + x] = (byte) (40 + r.nextInt(40));
                }
            }
        }
        return image;
    }

    /** The bytes of {@code image} in {@code format} by the first ImageIO writer that takes it. */
    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a test does with an ImageIO writer whose output is already set ({@link #encode(String, WriterAction)}). */
    public interface WriterAction {
        void run(ImageWriter writer) throws IOException;
    }

    /** The bytes the first ImageIO writer of {@code format} writes while {@code action} runs with it. */
    public static byte[] encode(String format, WriterAction action) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            action.run(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** An 8-bit palette whose entries are coloured, so a reader must use the palette's luminance, not the index. */
    public static IndexColorModel colouredPalette() {
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        for (int i = 0; i < 256; i++) {
            red[i] = (byte) (255 - i);
            green[i] = (byte) i;
            blue[i] = (byte) (i / 2);
        }
        return new IndexColorModel(8, 256, red, green, blue);
    }

    /**
     * A four-channel JPEG with an Adobe APP14 marker (transform 0, no colour transform) spliced in after SOI, so that
     * readers take its channels as CMYK, as Photoshop writes them. No ImageIO writer adds this marker itself.
     */
    public static byte[] withAdobeCmykMarker(byte[] jpeg) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] out = new byte[jpeg.length + app14.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(jpeg, 2, out, 2 + app14.length, jpeg.length - 2);
        return out;
    }

    /**
     * A complete, valid PNG (correct CRCs, IEND) whose header claims width x height, with one row of real data:
     * what a decompression bomb looks like before it is inflated.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + Math.min(width, 1 << 16)]);
        deflater.finish();
        byte[] buf = new byte[1 << 16];
        int n = deflater.deflate(buf);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
