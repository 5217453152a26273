package org.karyoloop.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Encodes gray pixels as PNG or JPEG with javax.imageio, and names bytes by their SHA-256. */
public final class ImageCodec {

    /** Output formats. */
    public enum Format {
        PNG("png", "image/png"),
        JPEG("jpg", "image/jpeg");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }

        public static Format named(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "png" -> PNG;
                case "jpeg", "jpg" -> JPEG;
                default -> throw new IllegalArgumentException("unknown format '" + name + "' (png|jpeg)");
            };
        }
    }

    /** JPEG quality of the jpeg output format. */
    public static final int DEFAULT_JPEG_QUALITY = 92;

    private ImageCodec() {
    }

    /** The pixels as an 8-bit gray image. */
    public static BufferedImage toImage(byte[] pixels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, width * height);
        return image;
    }

    /** The image of {@code image} encoded in a format. */
    public static byte[] encode(SyntheticImage image, Format format) {
        BufferedImage gray = toImage(image.pixels(), image.width(), image.height());
        return format == Format.PNG ? png(gray) : jpeg(gray, DEFAULT_JPEG_QUALITY);
    }

    /**
     * PNG bytes of an image at deflate level 1: noisy images barely compress better at higher
     * levels, and level 1 is several times faster (the JDK writer maps quality q to level 9(1-q)).
     */
    public static byte[] png(BufferedImage image) {
        ImageWriter writer = writer("png");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.8f);
        return write(writer, param, image);
    }

    /** Baseline JPEG bytes of an image at a quality of 1–100. */
    public static byte[] jpeg(BufferedImage image, int quality) {
        ImageWriter writer = writer("jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        return write(writer, param, image);
    }

    /** The pixels after a trip through JPEG at a quality, to give a domain compression artefacts. */
    public static byte[] jpegRoundTrip(byte[] pixels, int width, int height, int quality) {
        try {
            BufferedImage decoded = ImageIO
                    .read(new ByteArrayInputStream(jpeg(toImage(pixels, width, height), quality)));
            BufferedImage gray = decoded.getType() == BufferedImage.TYPE_BYTE_GRAY ? decoded : convert(decoded);
            return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData().clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-case hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static BufferedImage convert(BufferedImage image) {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(image, 0, 0, null);
        return gray;
    }

    /** The JDK's own writer where there is one, so the bytes do not depend on which plugins are on the class path. */
    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        ImageWriter chosen = null;
        while (writers.hasNext()) {
            ImageWriter candidate = writers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return chosen;
    }

    private static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight());
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
