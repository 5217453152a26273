package org.karyoloop.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small promises other roles code against: codes, media types, limits validation, detection without decoding. */
class ContractTest {

    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(1 << 20, 1 << 20));

    @ParameterizedTest
    @CsvSource({
        "EMPTY, empty", "TOO_MANY_BYTES, too-many-bytes", "TOO_MANY_PIXELS, too-many-pixels",
        "NOT_AN_IMAGE, not-an-image",
        "UNSUPPORTED_FORMAT, unsupported-format", "TRUNCATED, truncated", "CORRUPT, corrupt"})
    void rejectReasonCodesAreKebabCase(RejectReason reason, String code) {
        assertEquals(code, reason.code());
    }

    @ParameterizedTest
    @CsvSource({"PNG, image/png", "JPEG, image/jpeg", "TIFF, image/tiff", "BMP, image/bmp"})
    void formatsKnowTheirMediaType(ImageFormat format, String mediaType) {
        assertEquals(mediaType, format.mediaType());
    }

    @Test
    void limitsMustBePositiveAndFitInOneArray() {
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(10, 0));
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(10, Integer.MAX_VALUE));
        assertEquals(ImageLimits.PIXEL_CEILING, new ImageLimits(1, ImageLimits.PIXEL_CEILING).maxPixels());
    }

    @Test
    void rejectionCarriesReasonDetailAndAMessageStartingWithTheCode() {
        ImageRejectedException e = new ImageRejectedException(RejectReason.TRUNCATED, "x".repeat(1000));

        assertEquals(RejectReason.TRUNCATED, e.reason());
        assertEquals(300, e.detail().length(), "details are bounded for Kafka headers");
        assertTrue(e.getMessage().startsWith("truncated: xxx"));
    }

    @Test
    void detectLooksOnlyAtTheFirstBytes() throws Exception {
        byte[] png = TestImages.write(TestImages.grayRamp(), "png");
        byte[] headOnly = Arrays.copyOf(png, 16); // not decodable, but recognisable

        assertEquals(ImageFormat.PNG, decoder.detect(headOnly));
        assertEquals(ImageFormat.JPEG, decoder.detect(TestImages.cmykJpeg()));
        assertEquals(ImageFormat.TIFF,
                decoder.detect(TestImages.tiff(null, ByteOrder.LITTLE_ENDIAN, TestImages.grayRamp())));
        assertEquals(ImageFormat.TIFF,
                decoder.detect(TestImages.tiff(null, ByteOrder.BIG_ENDIAN, TestImages.grayRamp())));
        assertEquals(ImageFormat.BMP, decoder.detect(TestImages.write(TestImages.rgb(), "bmp")));
    }

    @Test
    void detectAppliesTheSameEmptyAndSizeChecksAsDecode() {
        assertEquals(RejectReason.EMPTY,
                assertThrows(ImageRejectedException.class, () -> decoder.detect(new byte[0])).reason());
        assertEquals(RejectReason.TOO_MANY_BYTES,
                assertThrows(ImageRejectedException.class, () -> decoder.detect(new byte[(1 << 20) + 1])).reason());
    }

    @Test
    void decodedImageChecksItsOwnShape() {
        assertThrows(IllegalArgumentException.class, () -> new DecodedImage(ImageFormat.PNG, 2, 2, 8, 1, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> new DecodedImage(ImageFormat.PNG, 0, 2, 8, 1, new byte[0]));
        DecodedImage image = new DecodedImage(ImageFormat.PNG, 2, 1, 8, 1, new byte[] {0, (byte) 255});
        assertEquals(255, image.grayAt(1, 0));
        assertArrayEquals(new byte[] {0, (byte) 255}, image.gray());
    }
}
