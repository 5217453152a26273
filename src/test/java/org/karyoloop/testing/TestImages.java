package org.karyoloop.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
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
}
