package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FluorescenceTest {

    /** The real cells' frame size. */
    private static final GeneratorConfig DAPI = GeneratorConfig.defaults().withSize(645, 517)
            .withDomain(Domain.fluorescence()).withSeed(7);

    @Test
    void fluorescentSpreadIsBrightChromosomesOnADarkBackground() {
        SpreadGenerator generator = new SpreadGenerator(DAPI);
        for (long i = 0; i < 3; i++) {
            SyntheticImage image = generator.generate(i);
            int[] sorted = gray(image.pixels());
            Arrays.sort(sorted);
            int median = sorted[sorted.length / 2];
            int p995 = sorted[(int) (0.995 * (sorted.length - 1))];
            assertTrue(median <= 15, "dark background, median gray " + median);
            assertTrue(p995 >= median + 60, "bright chromosomes, 99.5th percentile " + p995 + " over median " + median);
        }
    }

    @Test
    void storedInvertedIsTheSameImageUpsideDownInGray() {
        Domain inverted = Domain.fluorescence().with("fluorescence", "modality", "fluorescence-inverted");
        SyntheticImage bright = new SpreadGenerator(DAPI).generate(2);
        SyntheticImage dark = new SpreadGenerator(DAPI.withDomain(inverted)).generate(2);
        byte[] flipped = new byte[bright.pixels().length];
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = (byte) (255 - (bright.pixels()[i] & 0xFF));
        }
        assertArrayEquals(flipped, dark.pixels());
        assertEquals(bright.truth(), dark.truth());
    }

    @Test
    void bandsModulateTheChromosomesBrightnessAlongTheirLength() {
        // The same spread with and without bands: without, the ratio of the two images over the chromosomes would
        // be flat; with full band contrast the G-light bands go dark (a low ratio) and it varies.
        GeneratorConfig flat = DAPI.withDomain(Domain.fluorescence().with("fluorescence", "bands", "0"));
        GeneratorConfig banded = DAPI.withDomain(Domain.fluorescence().with("fluorescence", "bands", "1"));
        byte[] f = new SpreadGenerator(flat).generate(0).pixels();
        byte[] b = new SpreadGenerator(banded).generate(0).pixels();
        double sum = 0;
        double sum2 = 0;
        double min = Double.MAX_VALUE;
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            int v = f[i] & 0xFF;
            if (v > 80 && v < 255) {
                double ratio = (b[i] & 0xFF) / (double) v;
                sum += ratio;
                sum2 += ratio * ratio;
                min = Math.min(min, ratio);
                n++;
            }
        }
        double mean = sum / n;
        double sd = Math.sqrt(sum2 / n - mean * mean);
        assertTrue(n > 1000, "chromosome pixels " + n);
        assertTrue(sd > 0.1, "band ratio spread " + sd);
        assertTrue(min < 0.7, "darkest band ratio " + min);
    }

    @Test
    void photobleachingDimsSomeFieldsAndNotOthers() {
        GeneratorConfig none = DAPI.withDomain(Domain.fluorescence().with("fluorescence", "bleach", "0"));
        double[] kept = brightLevels(new SpreadGenerator(none), 8);
        double[] bleached = brightLevels(new SpreadGenerator(DAPI), 8);
        int dimmer = 0;
        for (int i = 0; i < kept.length; i++) {
            assertTrue(bleached[i] <= kept[i] + 1, "bleaching never brightens, image " + i);
            dimmer += bleached[i] < 0.85 * kept[i] ? 1 : 0;
        }
        assertTrue(dimmer >= 2, "some fields lose brightness to bleaching: " + dimmer + " of 8");
    }

    @Test
    void fluorescenceDomainsAreNamedAndCarryTheirModality() {
        assertEquals(Modality.FLUORESCENCE, Domain.named("fluorescence").modality());
        assertEquals(Modality.FLUORESCENCE_INVERTED, Domain.named("fluorescence-inverted").modality());
        assertEquals(Modality.BRIGHTFIELD, Domain.named("new").modality());
        assertTrue(Domain.fluorescence().fluorescent());
        assertTrue(!Domain.newMicroscopes().fluorescent());
    }

    private static int[] gray(byte[] pixels) {
        int[] g = new int[pixels.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = pixels[i] & 0xFF;
        }
        return g;
    }

    /** Standard deviation of the pixels brighter than background + 40: the chromosomes' texture. */
    private static double brightSpread(byte[] pixels) {
        double sum = 0;
        double sum2 = 0;
        int n = 0;
        for (byte b : pixels) {
            int v = b & 0xFF;
            if (v > 40) {
                sum += v;
                sum2 += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(sum2 / n - mean * mean);
    }

    /** Per image, the 99th percentile gray level (the chromosomes' brightness). */
    private static double[] brightLevels(SpreadGenerator generator, int count) {
        double[] levels = new double[count];
        for (int i = 0; i < count; i++) {
            int[] g = gray(generator.generate(i).pixels());
            Arrays.sort(g);
            levels[i] = g[(int) (0.99 * (g.length - 1))];
        }
        return levels;
    }
}
