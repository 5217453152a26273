package org.karyoloop.ml.spread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.synth.SyntheticImage;
import org.karyoloop.testing.SpreadImages;

/** The measurement on generated images: polarity, the not-a-spread verdicts, and measurements alike in both modalities. */
class SpreadMeterTest {

    private static final String[] DISTANCE = {"separated_minus_46_abs", "separated_below_46", "separated_above_46"};

    @Test
    void brightFieldSpreadIsDetectedDarkOnLightAndCountedAsASpread() {
        SyntheticImage img = SpreadImages.goodSpread(768);
        SpreadMeasurement m = SpreadMeter.measure(decoded(img.pixels(), img.width(), img.height()));
        assertThat(m.modality()).isEqualTo(Modality.BRIGHTFIELD);
        assertThat(m.spread()).as(m.reason()).isTrue();
        // six such 768 px GOOD spreads of 46 counted 45-59: the count overshoots on the generator's long banded
        // chromosomes; this bound catches the 69-131 the unsmoothed bright-field cut gave
        assertThat(m.chromosomes()).isBetween(img.truth().chromosomes() - 8, img.truth().chromosomes() + 14);
    }

    @Test
    void theSameSpreadStoredBrightOnDarkIsFluorescenceAndStillASpread() {
        SyntheticImage img = SpreadImages.goodSpread(768);
        SpreadMeasurement bright = SpreadMeter.measure(decoded(img.pixels(), img.width(), img.height()));
        SpreadMeasurement fluorescent = SpreadMeter.measure(decoded(inverted(img.pixels()), img.width(),
                img.height()));
        assertThat(fluorescent.modality()).isEqualTo(Modality.FLUORESCENCE);
        // (counts differ: the bright-field cut smooths over G-bands, the fluorescence cut does not)
        assertThat(bright.spread()).isTrue();
        assertThat(fluorescent.spread()).isTrue();
    }

    @Test
    void blankFramesAreNeverSpreads() {
        for (int level : new int[] {0, 40, 200, 255}) {
            byte[] px = new byte[512 * 512];
            Random r = new Random(level);
            for (int i = 0; i < px.length; i++) {
                px[i] = (byte) Math.max(0, Math.min(255, level + r.nextInt(3) - 1));
            }
            SpreadMeasurement m = SpreadMeter.measure(decoded(px, 512, 512));
            assertThat(m.spread()).as("gray %d", level).isFalse();
            assertThat(m.reason()).as("gray %d", level).isIn(NotSpreadReason.BLANK_FRAME.wire(),
                    NotSpreadReason.TOO_FEW_CHROMOSOMES.wire());
        }
    }

    @Test
    void aSingleChromosomeCropIsNotASpread() {
        byte[] px = field(400, 400);
        rod(px, 400, 200, 200, 60, 9, 0.3);
        SpreadMeasurement m = SpreadMeter.measure(decoded(px, 400, 400));
        assertThat(m.spread()).isFalse();
        assertThat(m.reason()).isEqualTo(NotSpreadReason.TOO_FEW_CHROMOSOMES.wire());
    }

    @Test
    void chromosomesStandingInRowsAreAKaryogramWhileTheSameRodsScatteredAreASpread() {
        int w = 900;
        int h = 700;
        byte[] rows = field(w, h);
        byte[] scattered = field(w, h);
        Random r = new Random(3);
        int k = 0;
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 12; col++) {
                int length = 30 + (k * 7) % 40;
                rod(rows, w, 50 + col * 70, 90 + row * 160, length, 10, Math.PI / 2);
                rod(scattered, w, 60 + (k % 8) * 100 + r.nextInt(20), 60 + (k / 8) * 100 + r.nextInt(20), length, 10,
                        r.nextDouble() * Math.PI);
                k++;
            }
        }
        SpreadMeasurement karyogram = SpreadMeter.measure(decoded(rows, w, h));
        SpreadMeasurement spread = SpreadMeter.measure(decoded(scattered, w, h));
        assertThat(karyogram.spread()).isFalse();
        assertThat(karyogram.reason()).isEqualTo(NotSpreadReason.KARYOGRAM.wire());
        assertThat(spread.spread()).as(spread.reason()).isTrue();
    }

    @Test
    void twoChromosomesLyingSideBySideAreOneClusterHoldingTheBodiesTheLocalCutParts() {
        int w = 900;
        int h = 700;
        byte[] px = field(w, h);
        Random r = new Random(5);
        int k = 0;
        int first = -1;
        for (int row = 0; row < 6; row++) {
            for (int col = 0; col < 8; col++) {
                if (row != 3 || col != 4) {
                    int x = 60 + col * 105 + r.nextInt(10);
                    int y = 60 + row * 105 + r.nextInt(10);
                    rod(px, w, x, y, 30 + (k * 7) % 40, 10, r.nextDouble() * Math.PI);
                    first = first < 0 ? y * w + x : first;
                }
                k++;
            }
        }
        // two rods 10 px wide, their cores 2 px apart: the seam between them is dimmer than either
        int cx = 60 + 4 * 105;
        int cy = 60 + 3 * 105;
        rod(px, w, cx, cy - 6, 60, 10, 0);
        rod(px, w, cx, cy + 6, 60, 10, 0);
        SpreadAnalysis a = SpreadMeter.analyse(decoded(inverted(px), w, h), null);
        assertThat(a.measurement().modality()).isEqualTo(Modality.FLUORESCENCE);
        SpreadObjects objects = a.objects();
        int upper = (cy - 6) * w + cx;
        int lower = (cy + 6) * w + cx;
        assertThat(objects.bodyLabel()[upper]).as("the local cut parts them").isNotEqualTo(objects.bodyLabel()[lower]);
        assertThat(objects.label()[upper]).as("one object").isEqualTo(objects.label()[lower]);
        assertThat(a.census().perObject()[objects.label()[upper]]).isEqualTo(2);
        assertThat(a.measurement().clusters()).isGreaterThanOrEqualTo(1);
        int single = objects.label()[first];
        assertThat(a.census().perObject()[single]).as("a rod by itself").isEqualTo(1);
    }

    @Test
    void underFluorescenceRodsJoinedOnlyByFaintStainAreTwoSeparatedObjectsAndRodsPressedTogetherOne() {
        int w = 900;
        int h = 700;
        // the same two rods, their cores 40 px apart, 12 px apart (their faint fringes meet, as under a halo) or
        // 10 px apart (pressed together along their length)
        int[] gaps = {20, 6, 5};
        int[] separated = new int[gaps.length];
        int[] counted = new int[gaps.length];
        float[][] distance = new float[gaps.length][3];
        for (int g = 0; g < gaps.length; g++) {
            byte[] px = field(w, h);
            Random r = new Random(5);
            for (int row = 0; row < 6; row++) {
                for (int col = 0; col < 8; col++) {
                    if (row != 3 || col != 4) {
                        rod(px, w, 60 + col * 105 + r.nextInt(10), 60 + row * 105 + r.nextInt(10),
                                30 + ((row * 8 + col) * 7) % 40, 10, r.nextDouble() * Math.PI);
                    }
                }
            }
            rod(px, w, 60 + 4 * 105, 60 + 3 * 105 - gaps[g], 60, 10, 0);
            rod(px, w, 60 + 4 * 105, 60 + 3 * 105 + gaps[g], 60, 10, 0);
            SpreadMeasurement m = SpreadMeter.measure(decoded(inverted(px), w, h));
            assertThat(m.modality()).isEqualTo(Modality.FLUORESCENCE);
            separated[g] = Math.round(m.features()[SpreadMeter.NAMES.indexOf("separated_objects")] * 46);
            counted[g] = m.chromosomes();
            for (int k = 0; k < 3; k++) {
                distance[g][k] = m.features()[SpreadMeter.NAMES.indexOf(DISTANCE[k])];
            }
        }
        assertThat(counted[1]).as("rods joined by faint stain are counted apart").isEqualTo(counted[0]);
        assertThat(separated[1]).as("and are two separated objects").isEqualTo(separated[0]);
        assertThat(separated[2]).as("rods pressed together are one separated object").isEqualTo(separated[0] - 1);
        for (int g = 0; g < gaps.length; g++) {
            int off = separated[g] - 46;
            assertThat(distance[g]).as("the separated objects' distance from 46, in fours")
                    .containsExactly(Math.abs(off) / 4f, Math.max(0, -off) / 4f, Math.max(0, off) / 4f);
        }
    }

    @Test
    void aFaintTexturedNucleusCutByTheFrameIsSetAsideWholeAndCountsNoChromosome() {
        int w = 900;
        int h = 700;
        int[] counted = new int[2];
        int nuclei = 0;
        for (int withNucleus = 0; withNucleus < 2; withNucleus++) {
            byte[] px = field(w, h);
            Random r = new Random(5);
            for (int row = 0; row < 6; row++) {
                for (int col = 1; col < 8; col++) {
                    rod(px, w, 60 + col * 105 + r.nextInt(10), 60 + row * 105 + r.nextInt(10),
                            30 + ((row * 8 + col) * 7) % 40, 10, r.nextDouble() * Math.PI);
                }
            }
            if (withNucleus == 1) {
                // the part of a nucleus inside the frame: a slice about three times as tall as it is wide, mottled
                Random grain = new Random(9);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < 60; x++) {
                        if (Math.hypot(x + 40, y - 350) < 105) {
                            int v = 205 - 45 - grain.nextInt(40);
                            px[y * w + x] = (byte) Math.min(px[y * w + x] & 0xFF, v);
                        }
                    }
                }
            }
            SpreadAnalysis a = SpreadMeter.analyse(decoded(inverted(px), w, h), null);
            counted[withNucleus] = a.measurement().chromosomes();
            nuclei = a.objects().nuclei();
        }
        assertThat(nuclei).as("the slice is a nucleus").isEqualTo(1);
        assertThat(counted[1]).as("and holds no chromosome").isEqualTo(counted[0]);
    }

    @Test
    void measurementsHaveTheirDocumentedLength() {
        SyntheticImage img = SpreadImages.goodSpread(512);
        assertThat(SpreadMeter.measure(decoded(img.pixels(), img.width(), img.height())).features())
                .hasSize(SpreadMeter.FEATURES);
        assertThat(SpreadMeter.NAMES).hasSize(SpreadMeter.FEATURES);
    }

    static DecodedImage decoded(byte[] px, int w, int h) {
        return new DecodedImage(ImageFormat.PNG, w, h, 8, 1, px);
    }

    static byte[] inverted(byte[] px) {
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (byte) (255 - (px[i] & 0xFF));
        }
        return out;
    }

    /** A light, slightly noisy bright-field background. */
    private static byte[] field(int w, int h) {
        byte[] px = new byte[w * h];
        Random r = new Random(w * 31L + h);
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (205 + r.nextInt(7) - 3);
        }
        return px;
    }

    /** A dark rod (a chromosome) of {@code length} and {@code width} centred at (cx, cy), at {@code angle}. */
    private static void rod(byte[] px, int w, int cx, int cy, int length, int width, double angle) {
        int h = px.length / w;
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        int reach = length / 2 + width;
        for (int y = Math.max(0, cy - reach); y < Math.min(h, cy + reach); y++) {
            for (int x = Math.max(0, cx - reach); x < Math.min(w, cx + reach); x++) {
                double along = (x - cx) * ux + (y - cy) * uy;
                double across = -(x - cx) * uy + (y - cy) * ux;
                double a = Math.max(0, Math.abs(along) - length / 2.0);
                double d = Math.hypot(a, across) / (width / 2.0);
                if (d < 1.3) {
                    double ink = d < 1 ? 1 : (1.3 - d) / 0.3;
                    int v = (int) Math.round(205 - 140 * ink);
                    px[y * w + x] = (byte) Math.min(px[y * w + x] & 0xFF, v);
                }
            }
        }
    }
}
