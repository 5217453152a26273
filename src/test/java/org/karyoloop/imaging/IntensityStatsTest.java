package org.karyoloop.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntensityStatsTest {

    /**
     * A synthetic bright-field spread: a noisy background of the given level and dark rod-shaped "chromosomes"
     * (at 35-60% of the background) covering about {@code coverage} of the frame. Knows its true foreground share.
     */
    record Spread(DecodedImage image, double trueForeground) {
        static Spread of(int width, int height, int background, double noise, double coverage, long seed) {
            Random random = new Random(seed);
            boolean[] dark = new boolean[width * height];
            int[] level = new int[width * height];
            long painted = 0;
            while (painted < coverage * width * height) {
                int length = 20 + random.nextInt(60);
                int thickness = 6 + random.nextInt(6);
                int x0 = random.nextInt(width - length);
                int y0 = random.nextInt(height - length);
                boolean vertical = random.nextBoolean();
                int value = (int) (background * (0.35 + 0.25 * random.nextDouble()));
                for (int i = 0; i < length; i++) {
                    for (int j = 0; j < thickness; j++) {
                        int x = vertical ? x0 + j : x0 + i;
                        int y = vertical ? y0 + i : y0 + j;
                        int p = y * width + x;
                        if (!dark[p]) {
                            dark[p] = true;
                            painted++;
                        }
                        level[p] = value;
                    }
                }
            }
            byte[] gray = new byte[width * height];
            for (int p = 0; p < gray.length; p++) {
                double base = dark[p] ? level[p] : background;
                gray[p] = (byte) Math.max(0, Math.min(255, Math.round(base + noise * random.nextGaussian())));
            }
            return new Spread(new DecodedImage(ImageFormat.PNG, width, height, 8, 1, gray),
                    (double) painted / gray.length);
        }
    }

    /**
     * A background and its spread: white, gray, white that saturates at 255 (much of it clips), and a crowded spread
     * that is mostly foreground.
     */
    static Stream<Arguments> backgrounds() {
        return Stream.of(
                // name, size, background level, noise sigma, coverage, seed, foreground tolerance
                Arguments.of("white", 512, 245, 4, 0.15, 1, 0.02),
                Arguments.of("gray", 512, 185, 5, 0.15, 2, 0.02),
                Arguments.of("clipped white", 512, 252, 6, 0.12, 5, 0.02),
                Arguments.of("crowded", 400, 190, 4, 0.55, 6, 0.03));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backgrounds")
    void theBackgroundIsFoundNearItsTrueLevelAndTheForegroundCounted(String name, int size, int background,
            double noise, double coverage, long seed, double foregroundTolerance) {
        Spread spread = Spread.of(size, size, background, noise, coverage, seed);

        IntensityStats stats = IntensityStats.of(spread.image());

        assertEquals(background, stats.backgroundLevel(), 10);
        assertEquals(spread.trueForeground(), stats.foregroundFraction(), foregroundTolerance);
    }

    /** The legacy domain shift: white (good, legacy) vs gray (new microscopes) must be told apart. */
    @Test
    void whiteAndGrayBackgroundsAreFarApartWhateverTheCoverage() {
        for (double coverage : new double[] {0.05, 0.2, 0.35}) {
            int white = IntensityStats.of(Spread.of(400, 400, 242, 4, coverage, 3).image()).backgroundLevel();
            int gray = IntensityStats.of(Spread.of(400, 400, 180, 4, coverage, 4).image()).backgroundLevel();
            assertTrue(white - gray > 45, "coverage " + coverage + ": white " + white + " vs gray " + gray);
        }
    }

    @Test
    void noisyBackgroundIsNotCountedAsForeground() {
        Spread noisy = Spread.of(512, 512, 200, 9, 0.10, 7); // 3 sigma = 27 > 10% of 200

        IntensityStats stats = IntensityStats.of(noisy.image());

        assertEquals(noisy.trueForeground(), stats.foregroundFraction(), 0.02);
    }

    @Test
    void uniformImageHasNoForegroundAndNoSpread() {
        byte[] gray = new byte[100 * 80];
        java.util.Arrays.fill(gray, (byte) 200);

        IntensityStats stats = IntensityStats.of(new DecodedImage(ImageFormat.TIFF, 100, 80, 8, 1, gray));

        assertEquals(200.0, stats.mean(), 1e-9);
        assertEquals(0.0, stats.std(), 1e-9);
        assertEquals(200, stats.backgroundLevel());
        assertEquals(0.0, stats.foregroundFraction(), 1e-9);
    }

    @Test
    void meanAndStdAreThoseOfTheGrayValues() {
        byte[] gray = new byte[1000];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) (i % 2 == 0 ? 100 : 200);
        }

        IntensityStats stats = IntensityStats.of(new DecodedImage(ImageFormat.PNG, 100, 10, 8, 1, gray));

        assertEquals(150.0, stats.mean(), 1e-9);
        assertEquals(50.0, stats.std(), 1e-9);
    }

    @Test
    void largeImageIsSubsampledQuicklyWithTheSameAnswer() {
        Spread large = Spread.of(4000, 3000, 185, 5, 0.15, 8);
        IntensityStats.of(large.image()); // warm up

        long start = System.nanoTime();
        IntensityStats stats = IntensityStats.of(large.image());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(185, stats.backgroundLevel(), 10);
        assertEquals(large.trueForeground(), stats.foregroundFraction(), 0.02);
        assertTrue(millis < 200, "took " + millis + " ms for 12 MP");
    }

    @Test
    void combedHistogramFromContrastStretchingDoesNotMisleadTheMode() {
        Spread gray = Spread.of(400, 400, 120, 4, 0.15, 9);
        byte[] stretched = gray.image().gray().clone();
        for (int i = 0; i < stretched.length; i++) {
            stretched[i] = (byte) Math.min(255, (stretched[i] & 0xFF) * 3 / 2); // every third level stays empty
        }

        IntensityStats stats = IntensityStats.of(new DecodedImage(ImageFormat.PNG, 400, 400, 8, 1, stretched));

        assertEquals(180, stats.backgroundLevel(), 10);
        assertEquals(gray.trueForeground(), stats.foregroundFraction(), 0.02);
    }
}
