package org.karyoloop.ml.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;

/**
 * Guards what bench/real.sh found on a handful of the shared real cells (tuning and test slides, touching
 * chromosomes included, a dense spread whose packed centre is no nucleus, a nucleus cut by the frame, one cell the
 * measurement still gets badly wrong, and one whose label image leaves chromosome-like objects unlabelled): their counts,
 * clusters and separated objects (the halo parted) may not drift by more than one without this test being updated
 * together with the benchmark's figures.
 */
class RealCellCountsTest {

    static final Path CASES = Path.of("../shared/testdata/adir-mfish/cases");

    @ParameterizedTest(name = "{1}: expert {2}, counted {3}, separated objects {5}")
    @CsvSource({
        "A02__XY, A0201XY, 46, 46, 11, 41",
        "A02__XY, A0206XY, 46, 46, 9, 40",
        "A05__XY, A0504XY, 46, 46, 7, 37",
        "A06__XY, A0608XY, 46, 45, 4, 28",
        "A06__XY, A0615XY, 45, 44, 3, 24",
        "A20__44, A200344, 44, 44, 8, 43",
        "P08__29, P080729, 44, 44, 8, 37",
        "P08__XY, P0802XY, 46, 39, 5, 28",
        "P10__31, P100131, 44, 50, 1, 47"})
    void countsOfRealCellsStayWhereTheBenchmarkLeftThem(String dir, String cell, int expert, int counted,
            int clusters, int separated) throws Exception {
        Path d = CASES.resolve(dir).resolve(cell + "D.tif");
        assumeTrue(Files.exists(d), "the shared test data is not beside the checkout");
        LabelTruth truth = LabelTruth.read(CASES.resolve(dir).resolve(cell + "K.tif"));
        assertThat(truth.chromosomes()).as("expert chromosomes").isEqualTo(expert);
        var image = new ImageDecoder(new ImageLimits(64L << 20, 50_000_000L)).decode(Files.readAllBytes(d));
        SpreadMeasurement m = SpreadMeter.measure(image);
        assertThat(m.modality()).isEqualTo(Modality.FLUORESCENCE);
        assertThat(m.spread()).as(String.valueOf(m.reason())).isTrue();
        assertThat(m.chromosomes()).as("chromosomes counted").isBetween(counted - 1, counted + 1);
        assertThat(m.clusters()).as("clusters").isBetween(clusters - 1, clusters + 1);
        int measuredSeparated = Math.round(m.features()[SpreadMeter.NAMES.indexOf("separated_objects")] * 46);
        assertThat(measuredSeparated).as("separated objects (label image: %d)", truth.objects())
                .isBetween(separated - 1, separated + 1);
    }
}
