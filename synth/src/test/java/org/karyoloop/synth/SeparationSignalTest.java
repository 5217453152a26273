package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The positive control of {@link ShortcutTest}: the grade is in the pixels for a model that looks
 * at chromosomes. A crude probe, the number of separate chromosome-sized dark blobs, already grades
 * where global statistics cannot (touching and crossing chromosomes merge into one blob; blur
 * merges near ones; missing chromosomes leave fewer).
 */
class SeparationSignalTest {

    @Test
    void separateChromosomeBlobsGradeWhereGlobalStatisticsCannot() {
        GeneratorConfig config = GeneratorConfig.defaults().withSize(512, 512).withShares(0.3, 0.2)
                .withImagesPerSlide(10).withSeed(11);
        SpreadGenerator generator = new SpreadGenerator(config);
        List<Double> good = new ArrayList<>();
        List<Double> poor = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            SyntheticImage image = generator.generate(i);
            if (image.truth().grade() != Grade.FAIR) {
                (image.truth().grade() == Grade.GOOD ? good : poor).add((double) chromosomeSizedBlobs(image));
            }
        }
        double auc = Roc.auc(good.stream().mapToDouble(Double::doubleValue).toArray(),
                poor.stream().mapToDouble(Double::doubleValue).toArray());
        assertTrue(auc >= 0.85, "blob-count AUC " + auc);
    }

    /** Dark 8-connected blobs from a sixth of a chromosome 1 to a few of them: smaller is debris, larger are nuclei. */
    static int chromosomeSizedBlobs(SyntheticImage image) {
        int w = image.width();
        int h = image.height();
        double threshold = 0.8 * GlobalFeatures.backgroundLevel(image);
        double scale = w / (double) GeneratorConfig.DEFAULT_SIZE;
        double chromosome1 = Karyotype.CHR1_LENGTH * SpreadLayout.REFERENCE_WIDTH * scale * scale;
        boolean[] seen = new boolean[w * h];
        int[] queue = new int[w * h];
        int blobs = 0;
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || (image.pixels()[start] & 0xFF) >= threshold) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen[start] = true;
            while (head < tail) {
                int p = queue[head++];
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        int n = ny * w + nx;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[n]
                                && (image.pixels()[n] & 0xFF) < threshold) {
                            seen[n] = true;
                            queue[tail++] = n;
                        }
                    }
                }
            }
            if (tail > 0.15 * chromosome1 && tail < 6 * chromosome1) {
                blobs++;
            }
        }
        return blobs;
    }
}
