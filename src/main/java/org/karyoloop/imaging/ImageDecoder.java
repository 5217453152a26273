package org.karyoloop.imaging;

import com.twelvemonkeys.imageio.plugins.bmp.BMPImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks untrusted bytes against {@link ImageLimits}, recognises PNG, JPEG, TIFF and BMP by their magic bytes, and
 * decodes page 0 to 8-bit grayscale ({@link GrayConversion} says how each sample layout is mapped).
 *
 * <p>Thread-safe: it keeps no state apart from its immutable limits, and every call uses its own ImageIO reader,
 * so one instance may serve all threads.
 *
 * <p>Order of checks, cheapest and most telling first: empty, byte limit, magic bytes, declared dimensions against
 * the pixel limit (from the header only, before any pixel is decoded), container completeness
 * ({@link StructureCheck}: a PNG without IEND or a JPEG without EOI is TRUNCATED even though ImageIO would return
 * a partly gray image), then decoding ({@link PngFastPath} for the common 8-bit PNGs, ImageIO for everything else
 * and for whatever the fast path declines). Codec failures become CORRUPT (or TRUNCATED when they are about a premature
 * end); runtime exceptions thrown by codecs on hostile input are mapped too, errors such as OutOfMemoryError are not.
 */
public final class ImageDecoder {

    /** A decoded buffer may hold up to 8 bytes per declared pixel (16-bit RGBA) before it counts against the limit. */
    private static final long BUFFER_BYTES_PER_PIXEL = 8;
    private static final String TWELVEMONKEYS = "com.twelvemonkeys.";

    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The limits this decoder enforces. */
    public ImageLimits limits() {
        return limits;
    }

    /**
     * Recognises the format from the first bytes, after the empty and byte-limit checks {@link #decode} also makes.
     *
     * @throws ImageRejectedException EMPTY, TOO_MANY_BYTES, UNSUPPORTED_FORMAT (naming what it looks like),
     *                                NOT_AN_IMAGE, or TRUNCATED when the input stops inside a signature
     */
    public ImageFormat detect(byte[] bytes) throws ImageRejectedException {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new ImageRejectedException(RejectReason.EMPTY, "no bytes");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_BYTES,
                    bytes.length + " bytes exceed the limit of " + limits.maxBytes());
        }
        return MagicBytes.sniff(bytes);
    }

    /** Decodes page 0 to 8-bit gray, or says precisely why not. */
    public DecodedImage decode(byte[] bytes) throws ImageRejectedException {
        ImageFormat format = detect(bytes);
        ImageReader reader = newReader(format);
        Warnings warnings = new Warnings();
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            // ignoreMetadata: we need pixels only, and skipping ancillary data is faster and exposes less parser
            reader.setInput(in, false, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height, reader);
            int pages = StructureCheck.verify(format, bytes);
            if (format == ImageFormat.PNG) {
                DecodedImage fast = PngFastPath.decode(bytes);
                if (fast != null && fast.width() == width && fast.height() == height) {
                    return fast;
                }
            }
            reader.addIIOReadWarningListener(warnings);
            BufferedImage image = reader.read(0);
            warnings.throwIfFatal();
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                throw new ImageRejectedException(RejectReason.CORRUPT,
                        "decoded size differs from declared " + width + "x" + height);
            }
            GrayConversion.Result gray = GrayConversion.toGray(image);
            return new DecodedImage(format, width, height, gray.bitsPerSample(), pages, gray.gray());
        } catch (IOException | RuntimeException e) {
            throw classify(format, bytes, e);
        } finally {
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height, ImageReader reader) throws ImageRejectedException, IOException {
        if (width <= 0 || height <= 0) {
            throw new ImageRejectedException(RejectReason.CORRUPT, "declared dimensions " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS,
                    "declared " + width + "x" + height + " = " + pixels + " pixels exceed the limit of "
                            + limits.maxPixels());
        }
        // Many samples per pixel (a TIFF may declare dozens) multiply memory just as dimensions do.
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw != null) {
            long bitsPerPixel = 0;
            for (int size : raw.getSampleModel().getSampleSize()) {
                bitsPerPixel += size;
            }
            long bufferBytes = pixels * ((bitsPerPixel + 7) / 8);
            if (bufferBytes > limits.maxPixels() * BUFFER_BYTES_PER_PIXEL) {
                throw new ImageRejectedException(RejectReason.TOO_MANY_PIXELS, "decoding " + width + "x" + height
                        + " at " + bitsPerPixel + " bits per pixel needs " + bufferBytes + " bytes, over the limit");
            }
        }
    }

    /**
     * A codec failure. The structure walk is consulted first, because a codec reports a missing tail in many ways
     * ("Error reading PNG image data", a Huffman error, "No image data present") and the walk knows better.
     */
    private ImageRejectedException classify(ImageFormat format, byte[] bytes, Exception e) {
        if (format == ImageFormat.BMP) {
            long[] size = StructureCheck.bmpDeclaredSize(bytes);
            if (size[0] * size[1] > limits.maxPixels()) {
                return new ImageRejectedException(RejectReason.TOO_MANY_PIXELS, "declared " + size[0] + "x" + size[1]
                        + " = " + size[0] * size[1] + " pixels exceed the limit of " + limits.maxPixels(), e);
            }
        }
        try {
            StructureCheck.verify(format, bytes);
        } catch (ImageRejectedException structural) {
            structural.addSuppressed(e);
            return structural;
        }
        String what = describe(e);
        String lower = what.toLowerCase(Locale.ROOT);
        if (e instanceof IOException) {
            if (causedBy(e, EOFException.class) || lower.contains("premature end") || lower.contains("unexpected end")
                    || lower.contains("truncated") || lower.contains("out of stream")) {
                return new ImageRejectedException(RejectReason.TRUNCATED, what, e);
            }
            if (lower.contains("unsupported")) {
                return new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT, format + " variant: " + what, e);
            }
        }
        return new ImageRejectedException(RejectReason.CORRUPT, what, e);
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 250; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A fresh reader for the format: for JPEG (CMYK, YCCK, broken APP markers), TIFF and BMP the TwelveMonkeys one,
     * registering it if the service loader missed it (class-loader tricks in some runtimes); for PNG the JDK's.
     * Providers are inspected without instantiating readers we would throw away.
     */
    static ImageReader newReader(ImageFormat format) throws ImageRejectedException {
        ImageReaderSpi chosen = findSpi(format);
        if (prefersTwelveMonkeys(format)
                && (chosen == null || !chosen.getClass().getName().startsWith(TWELVEMONKEYS))) {
            IIORegistry.getDefaultInstance().registerServiceProvider(twelveMonkeysSpi(format));
            chosen = findSpi(format);
        }
        if (chosen == null) {
            throw new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT,
                    "no reader for " + format + " in this runtime");
        }
        try {
            return chosen.createReaderInstance();
        } catch (IOException e) {
            throw new ImageRejectedException(RejectReason.UNSUPPORTED_FORMAT,
                    "cannot create a " + format + " reader: " + e, e);
        }
    }

    private static ImageReaderSpi findSpi(ImageFormat format) {
        ImageReaderSpi first = null;
        Iterator<ImageReaderSpi> spis = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
                true);
        while (spis.hasNext()) {
            ImageReaderSpi spi = spis.next();
            if (!handles(spi, format)) {
                continue;
            }
            if (!prefersTwelveMonkeys(format) || spi.getClass().getName().startsWith(TWELVEMONKEYS)) {
                return spi;
            }
            if (first == null) {
                first = spi;
            }
        }
        return first;
    }

    private static boolean prefersTwelveMonkeys(ImageFormat format) {
        return format == ImageFormat.JPEG || format == ImageFormat.TIFF || format == ImageFormat.BMP;
    }

    private static ImageReaderSpi twelveMonkeysSpi(ImageFormat format) {
        return switch (format) {
            case TIFF -> new TIFFImageReaderSpi();
            case BMP -> new BMPImageReaderSpi();
            default -> new JPEGImageReaderSpi();
        };
    }

    private static boolean handles(ImageReaderSpi spi, ImageFormat format) {
        for (String name : spi.getFormatNames()) {
            if (name.equalsIgnoreCase(format.readerFormatName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects codec warnings that mean the returned image is not the picture: libjpeg's "Corrupt JPEG data: ..."
     * (bad Huffman code, "premature end of data segment": the scan hits a marker early, so the rest is a gray smear)
     * is CORRUPT; "Premature end of JPEG file" and TwelveMonkeys' "Truncated File - Missing EOI marker" are TRUNCATED
     * (the structure walk normally catches those first). Harmless ones (no ICC profile, extraneous bytes before a
     * marker) are ignored.
     */
    private static final class Warnings implements IIOReadWarningListener {
        private String truncated;
        private String corrupt;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String lower = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (lower.contains("corrupt")) {
                if (!lower.contains("extraneous bytes")) {
                    corrupt = corrupt == null ? warning : corrupt;
                }
            } else if (lower.contains("truncated") || lower.contains("premature end")
                    || lower.contains("missing eoi")) {
                truncated = truncated == null ? warning : truncated;
            }
        }

        void throwIfFatal() throws ImageRejectedException {
            if (truncated != null) {
                throw new ImageRejectedException(RejectReason.TRUNCATED, "decoder warned: " + truncated);
            }
            if (corrupt != null) {
                throw new ImageRejectedException(RejectReason.CORRUPT, "decoder warned: " + corrupt);
            }
        }
    }
}
