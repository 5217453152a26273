package org.karyoloop.ml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;

/** The spread measurements count what a cytogeneticist counts, at full resolution, whatever the illumination. */
class SpreadFeaturesTest {

    private static final SpreadGenerator GENERATOR = new SpreadGenerator(GeneratorConfig.defaults()
            .withDomain(Domain.newMicroscopes()).withShares(0.4, 0.4).withSeed(5));

    @Test
    void goodSpreadsCountFortySixChromosomesAndSpreadsWithTouchingOrCrossingPairsCountFewer() {
        int good = 0;
        int goodAt46 = 0;
        int separated = 0;
        int separatedBelow46 = 0;
        for (int i = 0; i < 40 && (good < 6 || separated < 6); i++) {
            SyntheticImage img = GENERATOR.generate(i);
            int objects = Math.round(SpreadFeatures.of(decoded(img))[0] * 46);
            if (img.truth().grade() == org.karyoloop.synth.Grade.GOOD && good < 6) {
                good++;
                goodAt46 += objects == 46 ? 1 : 0;
            } else if (img.truth().chromosomes() == 46 && img.truth().overlappingPairs()
                    + img.truth().touchingPairs() > 0 && separated < 6) {
                separated++;
                separatedBelow46 += objects < 46 ? 1 : 0;
            }
        }
        assertThat(good).isEqualTo(6);
        assertThat(separated).isEqualTo(6);
        assertThat(goodAt46).as("GOOD spreads measured at exactly 46 objects").isGreaterThanOrEqualTo(5);
        assertThat(separatedBelow46).as("spreads with merged chromosomes measured below 46").isGreaterThanOrEqualTo(5);
    }

    @Test
    void dimmerIlluminationLeavesTheCountAndTheScaleFreeMeasurementsAlmostUnchanged() {
        SyntheticImage img = GENERATOR.generate(1);
        byte[] dim = img.pixels().clone();
        for (int i = 0; i < dim.length; i++) {
            dim[i] = (byte) Math.round((dim[i] & 0xFF) * 0.8);
        }
        float[] bright = SpreadFeatures.of(decoded(img));
        float[] dimmed = SpreadFeatures.of(new DecodedImage(ImageFormat.PNG, img.width(), img.height(), 8, 1, dim));

        assertThat(dimmed[0]).isEqualTo(bright[0]);
        for (int k = 0; k < SpreadFeatures.COUNT; k++) {
            assertThat(dimmed[k]).as(SpreadFeatures.NAMES[k]).isCloseTo(bright[k],
                    within(0.1f * Math.max(1f, Math.abs(bright[k]))));
        }
    }

    @Test
    void aBlankFieldHasNoObjectsAndFiniteMeasurements() {
        byte[] blank = new byte[256 * 256];
        java.util.Arrays.fill(blank, (byte) 190);

        float[] f = SpreadFeatures.of(new DecodedImage(ImageFormat.PNG, 256, 256, 8, 1, blank));

        assertThat(f).hasSize(SpreadFeatures.COUNT);
        assertThat(f[0]).isZero();
        for (float v : f) {
            assertThat(Float.isFinite(v)).isTrue();
        }
    }

    private static DecodedImage decoded(SyntheticImage img) {
        return new DecodedImage(ImageFormat.PNG, img.width(), img.height(), 8, 1, img.pixels());
    }
}
