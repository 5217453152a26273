package org.karyoloop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karyoloop.imaging.GrayHistogram;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.testing.SpreadImages;

/** A source's configured modality wins over what its images look like; every other source is detected. */
class ModalityChooserTest {

    private static final ImageDecoder DECODER = new ImageDecoder(new ImageLimits(1L << 30, 100_000_000));

    @Test
    void configuredSourceGetsItsModalityAndOthersAreDetected() throws Exception {
        ModalityChooser chooser = new ModalityChooser(Map.of("scope-dapi", "Fluorescence_Inverted",
                "scope-auto", "detect"));
        GrayHistogram brightField = GrayHistogram.of(DECODER.decode(SpreadImages.brightfieldPng(256)));
        GrayHistogram fluorescence = GrayHistogram.of(DECODER.decode(SpreadImages.fluorescencePng(256)));

        assertThat(chooser.choose("scope-dapi", brightField)).isEqualTo(Modality.FLUORESCENCE_INVERTED);
        assertThat(chooser.choose("scope-auto", brightField)).isEqualTo(Modality.BRIGHTFIELD);
        assertThat(chooser.choose("scope-auto", fluorescence)).isEqualTo(Modality.FLUORESCENCE);
        assertThat(chooser.choose(null, fluorescence)).isEqualTo(Modality.FLUORESCENCE);
    }

    @Test
    void unknownConfiguredModalityFailsAtStartNamingItsKey() {
        assertThatThrownBy(() -> new ModalityChooser(Map.of("scope-9", "phase-contrast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("karyoloop.ingest.modality.\"scope-9\"")
                .hasMessageContaining("phase-contrast");
    }
}
