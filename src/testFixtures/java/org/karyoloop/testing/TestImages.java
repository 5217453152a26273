package org.karyoloop.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

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

    private static byte[] encode(BufferedImage image, String format) {
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
