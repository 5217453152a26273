package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainSpecTest {

    @Test
    void shiftedSpecOverridesOpticsAndNoiseOfTheNewDomain() {
        Domain d = Domain.parse("shifted:blur=1.3,scale=0.85,jpeg=70,noise=2-6");
        assertEquals("shifted", d.name());
        assertEquals(Modality.BRIGHTFIELD, d.modality());
        assertEquals(1.3, d.blurScale());
        assertEquals(0.85, d.scale());
        assertEquals(70, d.jpegQuality());
        assertEquals(2.0, d.noiseMin());
        assertEquals(6.0, d.noiseMax());
        assertEquals(Domain.newMicroscopes().grayLevel(), d.grayLevel());
    }

    @Test
    void fluorescentModalityStartsFromTheFluorescenceDomain() {
        Domain d = Domain.parse("dapi:modality=fluorescence,blur=1.2");
        assertEquals("dapi", d.name());
        assertEquals(Modality.FLUORESCENCE, d.modality());
        assertEquals(1.2, d.blurScale());
        assertEquals(Domain.fluorescence().brightness(), d.brightness());
        assertEquals(Domain.fluorescence().grayLevel(), d.grayLevel());
    }

    @Test
    void aKnownNameIsItsOwnBaseAndEveryKnobCanBeSet() {
        assertEquals(Domain.legacy(), Domain.parse("legacy"));
        Domain d = Domain.parse("x:base=fluorescence,modality=fluorescence-inverted,white-good=0.1,white-fair=0.2,"
                + "white-poor=0.3,white-level=240,background=9,level-spread=1,unevenness=0.05,noise=1,blur=0.9,"
                + "scale=1.1,jpeg=80,width=1.2,bands=0.4,brightness=150,halo=0.1,bleach=0.2,shot-noise=0.3,"
                + "nuclei=0.5,crowding=1.5,extra-nuclei=1");
        assertEquals(new Domain("x", Modality.FLUORESCENCE_INVERTED, 0.1, 0.2, 0.3, 240, 9, 1, 0.05, 1, 1, 0.9, 1.1,
                80, 1.2, 0.4, 150, 0.1, 0.2, 0.3, 0.5, 1.5, 1), d);
        assertEquals(DomainSpec.KNOBS.size() - 1, 21, "every knob but base is a Domain component after the name");
    }

    @Test
    void badSpecsAreRejectedWithTheReason() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Domain.parse("x:focus=2"));
        assertTrue(unknown.getMessage().contains("unknown domain knob 'focus'"), unknown.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> Domain.parse("x:blur=soft"));
        assertTrue(number.getMessage().contains("'soft' is not a number"), number.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("x:noise=5-2"));
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("x:modality=xray"));
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("x:blur"));
    }
}
