package org.karyoloop.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Turns whatever raster a codec produced into 8-bit luminance, reading the raster's data directly (never per-pixel
 * {@code getRGB}) for the common layouts. Every format but the 8-bit PNGs of {@link PngFastPath} goes through it (JPEG,
 * TIFF and BMP from the TwelveMonkeys readers, other PNGs from the JDK's): it is the mapping of 16-bit, palette and
 * colour samples to gray, which no codec does; its direct raster reads have not been benchmarked against {@code getRGB}.
 *
 * <ul>
 *   <li>8-bit gray: copied as is. Fewer bits (1, 2, 4) are scaled to 0..255.</li>
 *   <li>More than 8 bits (16-bit gray, 16-bit RGB luma): stretched linearly so the darkest pixel becomes 0 and the
 *       brightest 255, ignoring the most extreme 0.01% at each end so one hot pixel cannot darken the image.
 *       Microscope cameras rarely fill the 16-bit range (12-bit sensors in 16-bit files are common), so {@code >> 8}
 *       would leave such images nearly black. The cost: absolute exposure is lost, so the background of a 16-bit
 *       bright-field image always comes out near white. A flat 16-bit image falls back to {@code >> 8}.
 *       Signed 16-bit, 32-bit integer and floating-point samples are stretched between their exact minimum and
 *       maximum.</li>
 *   <li>Palette: each index through the luminance of its palette entry.</li>
 *   <li>RGB: Rec.601 luma, 0.299 R + 0.587 G + 0.114 B.</li>
 *   <li>CMYK (when a codec hands it over unconverted): naive inversion, then luma.</li>
 *   <li>Alpha is ignored everywhere, never multiplied in; so a 32-bit BMP whose fourth byte is zero padding (or
 *       alpha that is zero throughout) keeps its colours instead of turning black.</li>
 * </ul>
 */
final class GrayConversion {

    /** Rec.601 weights in 1/65536 units; they sum to exactly 65536 so white stays 255. */
    private static final int WR = 19595;
    private static final int WG = 38470;
    private static final int WB = 7471;
    /** One pixel in ten thousand at either end is treated as an outlier when stretching. */
    private static final int OUTLIER_DIVISOR = 10_000;

    /** The luminance plane and the sample depth of the source. */
    record Result(byte[] gray, int bitsPerSample) {
    }

    private GrayConversion() {
    }

    static Result toGray(BufferedImage image) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        SampleModel sm = raster.getSampleModel();
        int colorBands = cm instanceof IndexColorModel ? 1 : Math.min(cm.getNumColorComponents(), sm.getNumBands());
        int bits = 0;
        for (int band = 0; band < colorBands; band++) {
            bits = Math.max(bits, sm.getSampleSize(band));
        }
        byte[] out = new byte[raster.getWidth() * raster.getHeight()];
        int space = cm.getColorSpace().getType();
        if (cm instanceof IndexColorModel icm) {
            palette(icm, raster, out);
        } else if (space == ColorSpace.TYPE_GRAY && colorBands == 1) {
            if (!gray8(raster, out) && !gray16(raster, out)) {
                weighted(raster, new int[] {65536}, out);
            }
        } else if (space == ColorSpace.TYPE_RGB && colorBands == 3) {
            if (!rgb8(raster, out) && !packedRgb8(raster, out)) {
                weighted(raster, new int[] {WR, WG, WB}, out);
            }
        } else if (space == ColorSpace.TYPE_CMYK && colorBands == 4) {
            cmyk(raster, out);
        } else {
            viaRgb(image, out);
        }
        return new Result(out, bits);
    }

    /** 8-bit gray in a component layout (TYPE_BYTE_GRAY, gray+alpha): a copy per row. */
    private static boolean gray8(Raster r, byte[] out) {
        if (!(r.getSampleModel() instanceof ComponentSampleModel sm)
                || !(r.getDataBuffer() instanceof DataBufferByte db)
                || sm.getSampleSize(0) != 8 || !untranslated(r)) {
            return false;
        }
        byte[] data = db.getData(sm.getBankIndices()[0]);
        int w = r.getWidth();
        int stride = sm.getPixelStride();
        for (int y = 0; y < r.getHeight(); y++) {
            int src = db.getOffsets()[sm.getBankIndices()[0]] + sm.getOffset(0, y, 0);
            int dst = y * w;
            if (stride == 1) {
                System.arraycopy(data, src, out, dst, w);
            } else {
                for (int x = 0; x < w; x++, src += stride) {
                    out[dst + x] = data[src];
                }
            }
        }
        return true;
    }

    /** 16-bit gray in a component layout (TYPE_USHORT_GRAY, 16-bit PNG and TIFF): copied out, then stretched. */
    private static boolean gray16(Raster r, byte[] out) {
        if (!(r.getSampleModel() instanceof ComponentSampleModel sm)
                || !(r.getDataBuffer() instanceof DataBufferUShort db)
                || sm.getSampleSize(0) != 16 || !untranslated(r)) {
            return false;
        }
        short[] data = db.getData(sm.getBankIndices()[0]);
        int w = r.getWidth();
        int stride = sm.getPixelStride();
        char[] wide = new char[out.length];
        for (int y = 0; y < r.getHeight(); y++) {
            int src = db.getOffsets()[sm.getBankIndices()[0]] + sm.getOffset(0, y, 0);
            int dst = y * w;
            for (int x = 0; x < w; x++, src += stride) {
                wide[dst + x] = (char) data[src];
            }
        }
        stretch16(wide, out);
        return true;
    }

    /** 8-bit RGB in a component layout (TYPE_3BYTE_BGR, TYPE_4BYTE_ABGR, PNG/JPEG interleaved, planar TIFF). */
    private static boolean rgb8(Raster r, byte[] out) {
        if (!(r.getSampleModel() instanceof ComponentSampleModel sm)
                || !(r.getDataBuffer() instanceof DataBufferByte db)
                || !untranslated(r)) {
            return false;
        }
        for (int band = 0; band < 3; band++) {
            if (sm.getSampleSize(band) != 8) {
                return false;
            }
        }
        int[] banks = sm.getBankIndices();
        byte[] rd = db.getData(banks[0]);
        byte[] gd = db.getData(banks[1]);
        byte[] bd = db.getData(banks[2]);
        int stride = sm.getPixelStride();
        int w = r.getWidth();
        for (int y = 0; y < r.getHeight(); y++) {
            int ro = db.getOffsets()[banks[0]] + sm.getOffset(0, y, 0);
            int go = db.getOffsets()[banks[1]] + sm.getOffset(0, y, 1);
            int bo = db.getOffsets()[banks[2]] + sm.getOffset(0, y, 2);
            int dst = y * w;
            for (int x = 0; x < w; x++, ro += stride, go += stride, bo += stride) {
                out[dst + x] = (byte) luma8(rd[ro] & 0xFF, gd[go] & 0xFF, bd[bo] & 0xFF);
            }
        }
        return true;
    }

    /** 8-bit channels packed in ints (TYPE_INT_RGB, TYPE_INT_ARGB: what the BMP reader gives for 32-bit files). */
    private static boolean packedRgb8(Raster r, byte[] out) {
        if (!(r.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
                || !(r.getDataBuffer() instanceof DataBufferInt db)
                || !untranslated(r)) {
            return false;
        }
        int[] masks = sm.getBitMasks();
        int[] shifts = sm.getBitOffsets();
        for (int band = 0; band < 3; band++) {
            if (masks[band] >>> shifts[band] != 0xFF) {
                return false;
            }
        }
        int[] data = db.getData();
        int w = r.getWidth();
        for (int y = 0; y < r.getHeight(); y++) {
            int src = db.getOffset() + sm.getOffset(0, y);
            int dst = y * w;
            for (int x = 0; x < w; x++) {
                int p = data[src + x];
                out[dst + x] = (byte) luma8(p >>> shifts[0] & 0xFF, p >>> shifts[1] & 0xFF, p >>> shifts[2] & 0xFF);
            }
        }
        return true;
    }

    /**
     * Any other layout of gray or RGB, one row of samples per band at a time: bands of up to 8 bits are scaled to
     * 8 bits and weighted directly; deeper integer bands are weighted at 16 bits and then stretched; 32-bit and
     * floating-point bands are weighted as doubles and stretched between their exact extremes.
     */
    private static void weighted(Raster r, int[] weights, byte[] out) {
        SampleModel sm = r.getSampleModel();
        int maxBits = 0;
        for (int band = 0; band < weights.length; band++) {
            maxBits = Math.max(maxBits, sm.getSampleSize(band));
        }
        int type = sm.getDataType();
        boolean unsignedInts = type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT
                || type == DataBuffer.TYPE_INT;
        if (unsignedInts && maxBits <= 8) {
            weightedToBits(r, weights, 8, (i, v) -> out[i] = (byte) v);
        } else if (unsignedInts && maxBits <= 16) {
            char[] wide = new char[out.length];
            weightedToBits(r, weights, 16, (i, v) -> wide[i] = (char) v);
            stretch16(wide, out);
        } else {
            weightedDouble(r, weights, out);
        }
    }

    private interface Sink {
        void put(int index, int value);
    }

    private static void weightedToBits(Raster r, int[] weights, int targetBits, Sink sink) {
        SampleModel sm = r.getSampleModel();
        int w = r.getWidth();
        int x0 = r.getMinX();
        int y0 = r.getMinY();
        int target = (1 << targetBits) - 1;
        int[][] rows = new int[weights.length][w];
        long[] scale = new long[weights.length];
        int[] maxOf = new int[weights.length];
        for (int band = 0; band < weights.length; band++) {
            maxOf[band] = (1 << sm.getSampleSize(band)) - 1;
            // fixed point: value * target / max, folded into the weight
            scale[band] = (long) weights[band] * target;
        }
        for (int y = 0; y < r.getHeight(); y++) {
            for (int band = 0; band < weights.length; band++) {
                r.getSamples(x0, y0 + y, w, 1, band, rows[band]);
            }
            for (int x = 0; x < w; x++) {
                long acc = 0;
                for (int band = 0; band < weights.length; band++) {
                    acc += rows[band][x] * scale[band] / maxOf[band];
                }
                sink.put(y * w + x, (int) Math.min(target, (acc + 32768) >> 16));
            }
        }
    }

    private static void weightedDouble(Raster r, int[] weights, byte[] out) {
        int w = r.getWidth();
        double[] wide = new double[out.length];
        double[][] rows = new double[weights.length][w];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < r.getHeight(); y++) {
            for (int band = 0; band < weights.length; band++) {
                r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, band, rows[band]);
            }
            for (int x = 0; x < w; x++) {
                double v = 0;
                for (int band = 0; band < weights.length; band++) {
                    v += rows[band][x] * weights[band] / 65536.0;
                }
                if (Double.isNaN(v)) {
                    v = 0;
                }
                wide[y * w + x] = v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double span = max - min;
        for (int i = 0; i < out.length; i++) {
            double v = span > 0 ? (wide[i] - min) * 255.0 / span : wide[i];
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
    }

    /** Linear stretch of 16-bit values between their 0.01% and 99.99% quantiles; {@code >> 8} when flat. */
    static void stretch16(char[] wide, byte[] out) {
        int[] histogram = new int[65536];
        for (char v : wide) {
            histogram[v]++;
        }
        long outliers = wide.length / OUTLIER_DIVISOR;
        int lo = 0;
        for (long seen = histogram[0]; seen <= outliers && lo < 65535; seen += histogram[++lo]) {
            // advance to the first value with more than `outliers` values at or below it
        }
        int hi = 65535;
        for (long seen = histogram[65535]; seen <= outliers && hi > 0; seen += histogram[--hi]) {
            // likewise from the top
        }
        byte[] lut = new byte[65536];
        for (int v = 0; v < 65536; v++) {
            int g;
            if (hi <= lo) {
                g = v >> 8;
            } else if (v <= lo) {
                g = 0;
            } else if (v >= hi) {
                g = 255;
            } else {
                g = (int) (((long) (v - lo) * 255 + (hi - lo) / 2) / (hi - lo));
            }
            lut[v] = (byte) g;
        }
        for (int i = 0; i < wide.length; i++) {
            out[i] = lut[wide[i]];
        }
    }

    private static void palette(IndexColorModel icm, Raster r, byte[] out) {
        int bits = r.getSampleModel().getSampleSize(0);
        byte[] lut = new byte[1 << Math.min(bits, 16)];
        for (int i = 0; i < Math.min(icm.getMapSize(), lut.length); i++) {
            lut[i] = (byte) luma8(icm.getRed(i), icm.getGreen(i), icm.getBlue(i));
        }
        int w = r.getWidth();
        if (r.getSampleModel() instanceof ComponentSampleModel sm && r.getDataBuffer() instanceof DataBufferByte db
                && bits == 8 && untranslated(r)) {
            byte[] data = db.getData(sm.getBankIndices()[0]);
            int stride = sm.getPixelStride();
            for (int y = 0; y < r.getHeight(); y++) {
                int src = db.getOffsets()[sm.getBankIndices()[0]] + sm.getOffset(0, y, 0);
                for (int x = 0; x < w; x++, src += stride) {
                    out[y * w + x] = lut[data[src] & 0xFF];
                }
            }
            return;
        }
        int[] row = new int[w];
        for (int y = 0; y < r.getHeight(); y++) {
            r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int index = row[x];
                out[y * w + x] = index >= 0 && index < lut.length ? lut[index] : 0;
            }
        }
    }

    private static void cmyk(Raster r, byte[] out) {
        SampleModel sm = r.getSampleModel();
        int w = r.getWidth();
        int[][] rows = new int[4][w];
        int[] maxOf = new int[4];
        for (int band = 0; band < 4; band++) {
            maxOf[band] = (1 << Math.min(sm.getSampleSize(band), 30)) - 1;
        }
        for (int y = 0; y < r.getHeight(); y++) {
            for (int band = 0; band < 4; band++) {
                r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, band, rows[band]);
            }
            for (int x = 0; x < w; x++) {
                double k = 1 - rows[3][x] / (double) maxOf[3];
                int red = (int) Math.round(255 * (1 - rows[0][x] / (double) maxOf[0]) * k);
                int green = (int) Math.round(255 * (1 - rows[1][x] / (double) maxOf[1]) * k);
                int blue = (int) Math.round(255 * (1 - rows[2][x] / (double) maxOf[2]) * k);
                out[y * w + x] = (byte) luma8(red, green, blue);
            }
        }
    }

    /** Rare colour spaces (CIELab, odd ICC profiles): let the colour model convert, one row at a time. */
    private static void viaRgb(BufferedImage image, byte[] out) {
        int w = image.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[y * w + x] = (byte) luma8(p >>> 16 & 0xFF, p >>> 8 & 0xFF, p & 0xFF);
            }
        }
    }

    static int luma8(int red, int green, int blue) {
        return (WR * red + WG * green + WB * blue + 32768) >> 16;
    }

    private static boolean untranslated(Raster r) {
        return r.getMinX() == 0 && r.getMinY() == 0 && r.getSampleModelTranslateX() == 0
                && r.getSampleModelTranslateY() == 0;
    }
}
