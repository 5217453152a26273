package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussianBlurTest {

    /** The blur of a single bright pixel has the blur's variance along each axis and keeps its mass. */
    @ParameterizedTest
    @ValueSource(doubles = {0.6, 1.2, 2.0, 3.5, 6.0})
    void impulseResponseHasTheRequestedSigma(double sigma) {
        int size = 101;
        float[] image = new float[size * size];
        image[50 * size + 50] = 1;
        new GaussianBlur().apply(image, size, size, sigma);
        double mass = 0;
        double variance = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = image[y * size + x];
                mass += v;
                variance += v * (x - 50) * (x - 50);
            }
        }
        assertEquals(1, mass, 1e-4);
        assertEquals(sigma, Math.sqrt(variance / mass), 0.12 * sigma);
    }
}
