package org.karyoloop.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PNG fast path gives exactly what ImageIO plus the gray conversion give, for every filter type, colour type and
 * IDAT chunking, and declines (null) whatever it does not handle, so the ImageIO path decides.
 */
class PngFastPathTest {

    @ParameterizedTest(name = "color type {0}, {1}x{2}, IDAT chunks of {3} bytes")
    @CsvSource({"0, 1, 1, 100000", "0, 37, 23, 64", "0, 300, 200, 8192", "2, 41, 19, 50", "6, 64, 33, 1000",
        "4, 29, 31, 77"})
    void decodesEveryFilterTypeAndChunkingAsImageIoDoes(int colorType, int width, int height, int chunk)
            throws IOException {
        byte[] png = encode(width, height, colorType, pixels(width, height, channels(colorType), 7), chunk, false);

        DecodedImage fast = PngFastPath.decode(png);
        byte[] viaImageIo = GrayConversion.toGray(ImageIO.read(new ByteArrayInputStream(png))).gray();

        assertThat(fast).isNotNull();
        assertThat(fast.width()).isEqualTo(width);
        assertThat(fast.height()).isEqualTo(height);
        assertThat(fast.bitsPerSample()).isEqualTo(8);
        assertThat(fast.gray()).containsExactly(viaImageIo);
    }

    @Test
    void declinesABadChecksumMissingRowsAnInterlacedOrA16BitImage() throws IOException {
        byte[] good = encode(40, 30, 0, pixels(40, 30, 1, 3), 200, false);
        assertThat(PngFastPath.decode(good)).isNotNull();

        byte[] badCrc = good.clone();
        badCrc[60] ^= 0x01; // inside the first IDAT chunk's data
        assertThat(PngFastPath.decode(badCrc)).as("CRC mismatch").isNull();

        byte[] shortData = encode(40, 30, 0, pixels(40, 20, 1, 3), 200, true); // 20 rows of data, 30 declared
        assertThat(PngFastPath.decode(shortData)).as("missing rows").isNull();

        byte[] interlaced = good.clone();
        interlaced[8 + 8 + 12] = 1;
        fixCrc(interlaced, 8);
        assertThat(PngFastPath.decode(interlaced)).as("interlaced").isNull();

        byte[] sixteenBit = good.clone();
        sixteenBit[8 + 8 + 8] = 16;
        fixCrc(sixteenBit, 8);
        assertThat(PngFastPath.decode(sixteenBit)).as("16-bit").isNull();
    }

    @Test
    void theDecoderStillRejectsACorruptPngTheFastPathDeclined() {
        byte[] png = encode(40, 30, 0, pixels(40, 30, 1, 3), 200, false);
        int idatData = 8 + 25 + 8;
        for (int i = idatData; i < idatData + 40; i++) {
            png[i] = (byte) 0xFF; // garbage instead of deflate data, with a matching CRC: the codec must refuse it
        }
        fixCrc(png, 8 + 25);
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(1 << 20, 1 << 20));

        assertThatThrownBy(() -> decoder.decode(png))
                .isInstanceOf(ImageRejectedException.class)
                .satisfies(e -> assertThat(((ImageRejectedException) e).reason()).isEqualTo(RejectReason.CORRUPT));
    }

    private static int channels(int colorType) {
        return switch (colorType) {
            case 0 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            default -> 4;
        };
    }

    /** Gradients plus noise, so every filter type has work to do. */
    private static byte[] pixels(int width, int height, int channels, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[width * height * channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    out[(y * width + x) * channels + c] = (byte) (x * 3 + y * 5 + c * 40 + random.nextInt(20));
                }
            }
        }
        return out;
    }

    /**
     * A PNG of {@code raw}'s rows in which row r uses filter type r % 5, its zlib stream split into IDAT chunks of
     * {@code chunk} bytes; {@code declaredTaller} declares {@code height} rows in IHDR whatever {@code raw} holds.
     */
    static byte[] encode(int width, int height, int colorType, byte[] raw, int chunk, boolean declaredTaller) {
        int channels = channels(colorType);
        int rows = raw.length / (width * channels);
        int stride = width * channels;
        ByteArrayOutputStream filtered = new ByteArrayOutputStream();
        byte[] prev = new byte[stride];
        for (int r = 0; r < rows; r++) {
            int type = r % 5;
            filtered.write(type);
            for (int i = 0; i < stride; i++) {
                int x = raw[r * stride + i] & 0xFF;
                int a = i >= channels ? raw[r * stride + i - channels] & 0xFF : 0;
                int b = prev[i] & 0xFF;
                int c = i >= channels ? prev[i - channels] & 0xFF : 0;
                int predictor = switch (type) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    case 4 -> PngFastPath.paeth(a, b, c);
                    default -> 0;
                };
                filtered.write((x - predictor) & 0xFF);
            }
            System.arraycopy(raw, r * stride, prev, 0, stride);
        }
        Deflater deflater = new Deflater();
        deflater.setInput(filtered.toByteArray());
        deflater.finish();
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            zlib.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(declaredTaller ? height : rows)
                .put((byte) 8).put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        byte[] data = zlib.toByteArray();
        for (int from = 0; from < data.length; from += chunk) {
            chunk(out, "IDAT", java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + chunk)));
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Recomputes the CRC of the chunk that starts at {@code at}. */
    private static void fixCrc(byte[] png, int at) {
        int length = ByteBuffer.wrap(png, at, 4).getInt();
        CRC32 crc = new CRC32();
        crc.update(png, at + 4, length + 4);
        ByteBuffer.wrap(png, at + 8 + length, 4).putInt((int) crc.getValue());
    }
}
