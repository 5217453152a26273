package org.karyoloop.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageReaderChoiceTest {

    @ParameterizedTest
    @EnumSource(value = ImageFormat.class, names = {"JPEG", "TIFF", "BMP"})
    void jpegTiffAndBmpAreReadByTwelveMonkeys(ImageFormat format) throws Exception {
        ImageReader reader = ImageDecoder.newReader(format);
        try {
            assertThat(reader.getClass().getName()).startsWith("com.twelvemonkeys.imageio.plugins.");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void pngIsReadByTheJdk() throws Exception {
        ImageReader reader = ImageDecoder.newReader(ImageFormat.PNG);
        try {
            assertThat(reader.getClass().getName()).doesNotStartWith("com.twelvemonkeys.");
        } finally {
            reader.dispose();
        }
    }
}
