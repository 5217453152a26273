package org.karyoloop.ml.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;

/** Polarity on real fluorescence: the shared DAPI planes, as stored and as software that inverts them stores them. */
class ModalityOfRealCellsTest {

    static final Path PLANES = Path.of("../shared/testdata/adir-mfish");

    @Test
    void realDapiPlanesAreFluorescenceAndTheirInvertedCopiesFluorescenceStoredInverted() throws Exception {
        assumeTrue(Files.isDirectory(PLANES), "the shared test data is not beside the checkout");
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(64L << 20, 50_000_000L));
        int planes = 0;
        try (var files = Files.list(PLANES)) {
            for (Path p : files.filter(f -> f.toString().endsWith("D.tif")).sorted().toList()) {
                DecodedImage d = decoder.decode(Files.readAllBytes(p));
                assertThat(SpreadMeter.detect(d)).as(p.getFileName().toString()).isEqualTo(Modality.FLUORESCENCE);
                DecodedImage inverted = SpreadMeterTest.decoded(SpreadMeterTest.inverted(d.gray()), d.width(),
                        d.height());
                assertThat(SpreadMeter.detect(inverted)).as(p.getFileName() + " inverted")
                        .isEqualTo(Modality.FLUORESCENCE_INVERTED);
                planes++;
            }
        }
        assertThat(planes).isEqualTo(6);
    }
}
