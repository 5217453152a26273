package org.karyoloop.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scatters nuclei, blood cells and debris over the field: clear of the chromosomes unless the plan
 * asks for chromosomes covered by a nucleus, so cells add dark mass without changing the grade.
 */
final class CellLayout {

    private static final int TRIES = 50;

    private final int width;
    private final int height;
    private final double pixelScale;

    CellLayout(int width, int height, double pixelScale) {
        this.width = width;
        this.height = height;
        this.pixelScale = pixelScale;
    }

    List<Cell> place(SpreadPlan plan, List<Chromosome> chromosomes, SplittableRandom random) {
        List<Cell> cells = new ArrayList<>();
        double gap = Math.max(2.0, 3 * pixelScale);
        if (plan.covered() > 0) {
            cells.add(covering(plan.covered(), chromosomes, random));
        }
        for (int i = 0; i < plan.nuclei(); i++) {
            addClear(cells, chromosomes, gap, random, () -> nucleus(random));
        }
        for (int i = 0; i < plan.bloodCells(); i++) {
            addClear(cells, chromosomes, gap, random, () -> bloodCell(random));
        }
        for (int i = 0; i < plan.debris(); i++) {
            // Mostly fine dust; one in five a clump of stain precipitate, as dark as crossed chromosomes.
            boolean clump = random.nextDouble() < 0.2;
            double r = (clump ? 3 + 9 * random.nextDouble() : 0.8 + 3.5 * random.nextDouble() * random.nextDouble())
                    * pixelScale;
            double absorbance = clump ? 1.2 + 1.6 * random.nextDouble() : 0.3 + 0.9 * random.nextDouble();
            cells.add(new Cell(Cell.Kind.DEBRIS, random.nextDouble() * width, random.nextDouble() * height,
                    r * (0.6 + 0.8 * random.nextDouble()), r, random.nextDouble() * Math.PI, absorbance,
                    random.nextLong()));
        }
        return cells;
    }

    private void addClear(List<Cell> cells, List<Chromosome> chromosomes, double gap, SplittableRandom random,
            java.util.function.Supplier<Cell> factory) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Cell cell = factory.get();
            if (clear(cell, chromosomes, gap)) {
                cells.add(cell);
                return;
            }
        }
    }

    private Cell nucleus(SplittableRandom random) {
        double r = (60 + 35 * random.nextDouble()) * pixelScale;
        double cx = -0.3 * r + random.nextDouble() * (width + 0.6 * r);
        double cy = -0.3 * r + random.nextDouble() * (height + 0.6 * r);
        return new Cell(Cell.Kind.NUCLEUS, cx, cy, r, r * (0.8 + 0.2 * random.nextDouble()),
                random.nextDouble() * Math.PI, 0.8 + 1.4 * random.nextDouble(), random.nextLong());
    }

    private Cell bloodCell(SplittableRandom random) {
        double r = (30 + 10 * random.nextDouble()) * pixelScale;
        boolean ghost = random.nextDouble() < 0.25;
        return new Cell(ghost ? Cell.Kind.GHOST_CELL : Cell.Kind.BLOOD_CELL,
                -0.5 * r + random.nextDouble() * (width + r), -0.5 * r + random.nextDouble() * (height + r),
                r, r * (0.9 + 0.1 * random.nextDouble()), random.nextDouble() * Math.PI,
                ghost ? 0.08 + 0.05 * random.nextDouble() : 0.12 + 0.1 * random.nextDouble(), random.nextLong());
    }

    /**
     * A nucleus over the edge of the spread, at the spot whose estimated cover count is closest to
     * the plan's; the masks decide the real count.
     */
    private Cell covering(int wanted, List<Chromosome> chromosomes, SplittableRandom random) {
        double mx = 0;
        double my = 0;
        for (Chromosome c : chromosomes) {
            mx += c.centreX() / chromosomes.size();
            my += c.centreY() / chromosomes.size();
        }
        Cell best = null;
        int bestMiss = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < 2 * TRIES && bestMiss > 0; attempt++) {
            Chromosome anchor = chromosomes.get(random.nextInt(chromosomes.size()));
            Cell cell = nucleus(random);
            double outX = anchor.centreX() - mx;
            double outY = anchor.centreY() - my;
            double norm = Math.max(1e-9, Math.sqrt(outX * outX + outY * outY));
            double offset = cell.rx() * (0.4 + 0.7 * random.nextDouble());
            cell = new Cell(cell.kind(), anchor.centreX() + offset * outX / norm,
                    anchor.centreY() + offset * outY / norm,
                    cell.rx(), cell.ry(), cell.angle(), cell.absorbance(), cell.seed());
            int miss = Math.abs(roughlyCovered(cell, chromosomes) - wanted);
            if (miss < bestMiss) {
                best = cell;
                bestMiss = miss;
            }
        }
        return best;
    }

    /** Chromosomes with at least a sixth of their centre line inside the cell's ellipse (slightly generous). */
    private static int roughlyCovered(Cell cell, List<Chromosome> chromosomes) {
        int covered = 0;
        double cos = StrictMath.cos(cell.angle());
        double sin = StrictMath.sin(cell.angle());
        double grow = 1.06;
        for (Chromosome c : chromosomes) {
            int inside = 0;
            for (int i = 0; i < c.xs.length; i++) {
                double dx = c.xs[i] - cell.x();
                double dy = c.ys[i] - cell.y();
                double u = (dx * cos + dy * sin) / (cell.rx() * grow);
                double v = (-dx * sin + dy * cos) / (cell.ry() * grow);
                if (u * u + v * v < 1) {
                    inside++;
                }
            }
            if (inside * 6 >= c.xs.length) {
                covered++;
            }
        }
        return covered;
    }

    private static boolean clear(Cell cell, List<Chromosome> chromosomes, double gap) {
        double reach = cell.reach() + gap;
        for (Chromosome c : chromosomes) {
            if (c.maxX < cell.x() - reach || c.minX > cell.x() + reach
                    || c.maxY < cell.y() - reach || c.minY > cell.y() + reach) {
                continue;
            }
            if (c.gapTo(cell.x(), cell.y()) < reach) {
                return false;
            }
        }
        return true;
    }
}
