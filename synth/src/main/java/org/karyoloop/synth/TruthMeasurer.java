package org.karyoloop.synth;

import java.util.List;

/** Measures a rendered spread's truth from its chromosome masks, cover mask and absorbance, and scores it. */
final class TruthMeasurer {

    /** Share of a chromosome under a cell from which it counts as covered. */
    static final double COVERED_SHARE = 0.2;

    SpreadTruth measure(SpreadPlan plan, List<Chromosome> chromosomes, List<ChromosomeMask> masks, List<Cell> cells,
            AbsorbanceCanvas canvas, double referenceBlur) {
        int touches = 0;
        int overlaps = 0;
        double meanWidth = 0;
        double meanLength = 0;
        for (Chromosome c : chromosomes) {
            meanWidth += c.width / chromosomes.size();
            meanLength += c.length / chromosomes.size();
        }
        // A crossing shares at least a width squared of pixels; a touch shares at most a thin seam.
        int overlapMin = (int) Math.max(4, Math.round(0.5 * meanWidth * meanWidth));
        for (int i = 0; i < masks.size(); i++) {
            for (int j = i + 1; j < masks.size(); j++) {
                int contact = contact(masks.get(i), masks.get(j));
                if (contact >= overlapMin) {
                    overlaps++;
                } else if (contact >= 0) {
                    touches++;
                }
            }
        }
        int covered = 0;
        double transmitted = 0;
        long pixels = 0;
        for (ChromosomeMask m : masks) {
            int under = 0;
            for (int ly = 0; ly < m.height(); ly++) {
                int row = (m.y0() + ly) * canvas.width + m.x0();
                for (int lx = 0; lx < m.width(); lx++) {
                    if (m.bits()[ly * m.width() + lx] == 0) {
                        continue;
                    }
                    if (canvas.cover[row + lx] != 0) {
                        under++;
                    } else {
                        transmitted += Camera.transmission(canvas.absorbance[row + lx]);
                        pixels++;
                    }
                }
            }
            if (under >= COVERED_SHARE * Math.max(1, m.area())) {
                covered++;
            }
        }
        double contrast = pixels == 0 ? 0 : 1 - transmitted / pixels;
        int count = chromosomes.size();
        QualityScore score = QualityScore.of(count, touches, overlaps, covered, referenceBlur, contrast,
                plan.condensation());
        int nuclei = 0;
        int bloodCells = 0;
        int debris = 0;
        for (Cell cell : cells) {
            switch (cell.kind()) {
                case NUCLEUS -> nuclei++;
                case BLOOD_CELL, GHOST_CELL -> bloodCells++;
                case DEBRIS -> debris++;
            }
        }
        return new SpreadTruth(count,
                Math.min(count, QualityScore.COMPLETE_COUNT) / (double) QualityScore.COMPLETE_COUNT,
                touches, overlaps, covered, referenceBlur, contrast, plan.condensation(), meanLength, nuclei,
                bloodCells,
                debris, plan.white(), plan.backgroundLevel(), plan.noise(), plan.target(), score.mainDefect(),
                score.score(), score.grade());
    }

    /**
     * Shared pixels of two masks; 0 when they only touch (8-neighbours), -1 when apart.
     */
    static int contact(ChromosomeMask a, ChromosomeMask b) {
        int x0 = Math.max(a.x0(), b.x0() - 1);
        int y0 = Math.max(a.y0(), b.y0() - 1);
        int x1 = Math.min(a.x0() + a.width() - 1, b.x0() + b.width());
        int y1 = Math.min(a.y0() + a.height() - 1, b.y0() + b.height());
        if (x1 < x0 || y1 < y0) {
            return -1;
        }
        int shared = 0;
        boolean adjacent = false;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (!a.has(x, y)) {
                    continue;
                }
                if (b.has(x, y)) {
                    shared++;
                } else if (!adjacent) {
                    adjacent = b.has(x - 1, y - 1) || b.has(x, y - 1) || b.has(x + 1, y - 1) || b.has(x - 1, y)
                            || b.has(x + 1, y) || b.has(x - 1, y + 1) || b.has(x, y + 1) || b.has(x + 1, y + 1);
                }
            }
        }
        return shared > 0 ? shared : (adjacent ? 0 : -1);
    }
}
