package org.karyoloop.synth;

import java.util.List;

/**
 * A generated image with the exact masks of its chromosomes as a label raster, in the convention of expert
 * karyotype label images (the ADIR M-FISH set's): per pixel 0 for background, {@code i + 1} for the pixels only
 * chromosome {@code i} covers, and {@value #OVERLAP} where two or more chromosomes lie on each other. What a
 * measurement counts can then be scored against the generator's truth exactly as against an expert's.
 *
 * @param image  the image and its truth
 * @param labels the label raster, row-major, {@code image.width() * image.height()} values
 */
public record LabelledSpread(SyntheticImage image, int[] labels) {

    /** Label of pixels where chromosomes overlap. */
    public static final int OVERLAP = 255;

    static int[] raster(List<ChromosomeMask> masks, int width, int height) {
        if (masks.size() >= OVERLAP) {
            throw new IllegalArgumentException("at most " + (OVERLAP - 1) + " chromosomes fit a label raster");
        }
        int[] labels = new int[width * height];
        for (int c = 0; c < masks.size(); c++) {
            ChromosomeMask m = masks.get(c);
            for (int y = 0; y < m.height(); y++) {
                int iy = m.y0() + y;
                for (int x = 0; x < m.width(); x++) {
                    int ix = m.x0() + x;
                    if (m.bits()[y * m.width() + x] == 0 || ix < 0 || iy < 0 || ix >= width || iy >= height) {
                        continue;
                    }
                    int i = iy * width + ix;
                    labels[i] = labels[i] == 0 ? c + 1 : OVERLAP;
                }
            }
        }
        return labels;
    }
}
