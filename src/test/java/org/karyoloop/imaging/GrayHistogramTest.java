package org.karyoloop.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrayHistogramTest {

    @Test
    void percentilesAreTheLeastLevelHoldingTheirShareOfPixels() {
        byte[] gray = new byte[100];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) (i < 90 ? 200 : 30); // 10 % dark, 90 % background
        }
        GrayHistogram h = GrayHistogram.of(new DecodedImage(ImageFormat.PNG, 10, 10, 8, 1, gray));

        assertThat(h.total()).isEqualTo(100);
        assertThat(h.count(30)).isEqualTo(10);
        assertThat(h.percentile(0.10)).isEqualTo(30);
        assertThat(h.percentile(0.11)).isEqualTo(200);
        assertThat(h.percentile(0.0)).isEqualTo(30);
        assertThat(h.percentile(1.0)).isEqualTo(200);
    }

    @Test
    void imagesAboveAMegapixelAreSampledOnAGridThatKeepsTheirProportions() {
        int w = 2048;
        int h = 2048;
        byte[] gray = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                gray[y * w + x] = (byte) (x < w / 4 ? 40 : 220);
            }
        }
        GrayHistogram histogram = GrayHistogram.of(new DecodedImage(ImageFormat.PNG, w, h, 8, 1, gray));

        assertThat(histogram.total()).isEqualTo(1024L * 1024);
        assertThat((double) histogram.count(40) / histogram.total()).isEqualTo(0.25);
    }

    @Test
    void countsAreACopyThatCannotChangeTheHistogram() {
        GrayHistogram h = GrayHistogram.of(new DecodedImage(ImageFormat.PNG, 2, 1, 8, 1, new byte[] {1, 2}));
        h.counts()[1] = 99;

        assertThat(h.count(1)).isEqualTo(1);
    }
}
