package org.karyoloop.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The box average is each box's mean gray level, partial boxes at the right and bottom edges included. */
class BoxAverageTest {

    @Test
    void eachOutputPixelIsTheMeanOfItsBoxAndEdgeBoxesAverageWhatTheyHold() {
        Random random = new Random(7);
        for (int[] s : new int[][] {{1, 1}, {5, 3}, {64, 64}, {101, 67}}) {
            byte[] gray = new byte[s[0] * s[1]];
            random.nextBytes(gray);
            DecodedImage image = new DecodedImage(ImageFormat.PNG, s[0], s[1], 8, 1, gray);
            for (int factor : new int[] {1, 2, 3, 8}) {
                int w = BoxAverage.side(s[0], factor);
                int h = BoxAverage.side(s[1], factor);
                float[] got = BoxAverage.of(image, factor, w, h);
                for (int by = 0; by < h; by++) {
                    for (int bx = 0; bx < w; bx++) {
                        float sum = 0;
                        int count = 0;
                        for (int y = by * factor; y < Math.min(s[1], (by + 1) * factor); y++) {
                            for (int x = bx * factor; x < Math.min(s[0], (bx + 1) * factor); x++) {
                                sum += gray[y * s[0] + x] & 0xFF;
                                count++;
                            }
                        }
                        assertThat(got[by * w + bx]).isEqualTo(sum / (255f * count));
                    }
                }
            }
        }
    }
}
