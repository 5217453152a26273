package org.karyoloop.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places a plan's chromosomes in the field: most well apart inside an elliptical spread, and the
 * planned number of pairs touching or crossing; what the placement really achieved is measured
 * later from the masks.
 */
final class SpreadLayout {

    /** Chromosome width at condensation 1, in reference pixels. */
    static final double REFERENCE_WIDTH = 11;
    private static final int TRIES = 60;

    private final int width;
    private final int height;
    private final double pixelScale;

    private final double widthScale;

    SpreadLayout(int width, int height, double pixelScale) {
        this(width, height, pixelScale, 1);
    }

    /** A layout whose chromosomes are {@code widthScale} times the reference width, lengths kept. */
    SpreadLayout(int width, int height, double pixelScale, double widthScale) {
        this.width = width;
        this.height = height;
        this.pixelScale = pixelScale;
        this.widthScale = widthScale;
    }

    /** The placed chromosomes of a spread. */
    List<Chromosome> place(SpreadPlan plan, boolean male, SplittableRandom random) {
        List<Chromosome> shapes = shapes(plan, male, random);
        double area = 0;
        for (Chromosome c : shapes) {
            area += c.length * c.width;
        }
        double radius = Math.min(0.46 * Math.min(width, height), Math.sqrt(area / (Math.PI * plan.spreadDensity())));
        Spread spread = new Spread(radius, random);
        double minGap = Math.max(2.0, 0.35 * REFERENCE_WIDTH * pixelScale);
        List<Chromosome> placed = new ArrayList<>(shapes.size());
        int paired = Math.min(shapes.size() - 1, plan.touches() + plan.overlaps());
        int clean = shapes.size() - paired;
        for (int i = 0; i < shapes.size(); i++) {
            Chromosome shape = shapes.get(i);
            Chromosome done = null;
            if (i >= clean) {
                boolean touch = i - clean < plan.touches();
                done = touch ? touching(shape, placed, minGap, random) : crossing(shape, placed, minGap, random);
            }
            if (done == null) {
                done = apart(shape, placed, spread, minGap, random);
            }
            placed.add(done);
        }
        return placed;
    }

    private List<Chromosome> shapes(SpreadPlan plan, boolean male, SplittableRandom random) {
        List<Integer> types = Karyotype.diploid(male);
        while (types.size() > plan.count()) {
            types.remove(random.nextInt(types.size()));
        }
        while (types.size() < plan.count()) {
            types.add(random.nextInt(Karyotype.TYPES - 1));
        }
        Collections.shuffle(types, new java.util.Random(random.nextLong()));
        double size = plan.sizeFactor() * pixelScale;
        double condensation = plan.condensation();
        double chromosomeWidth = REFERENCE_WIDTH * Math.pow(condensation, -0.8) * size * widthScale;
        List<Chromosome> shapes = new ArrayList<>(types.size());
        for (int type : types) {
            double w = chromosomeWidth * (0.92 + 0.16 * random.nextDouble());
            shapes.add(Chromosome.shape(type, Karyotype.length(type) * condensation * size, w, random));
        }
        return shapes;
    }

    private Chromosome apart(Chromosome shape, List<Chromosome> placed, Spread spread, double minGap,
            SplittableRandom random) {
        Chromosome candidate = null;
        for (int attempt = 0; attempt < 40 * TRIES; attempt++) {
            double grow = 1 + 0.25 * (attempt / TRIES);
            double[] point = spread.point(grow, random);
            candidate = shape.placed(point[0], point[1], random.nextDouble() * 2 * Math.PI);
            if (candidate.inside(width, height, 2) && clearOfAll(candidate, placed, null, minGap)) {
                return candidate;
            }
        }
        return candidate;
    }

    private Chromosome touching(Chromosome shape, List<Chromosome> placed, double minGap, SplittableRandom random) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Chromosome partner = placed.get(random.nextInt(placed.size()));
            int k = 1 + random.nextInt(partner.xs.length - 2 > 0 ? partner.xs.length - 2 : 1);
            double tx = partner.xs[Math.min(k + 1, partner.xs.length - 1)] - partner.xs[k - 1];
            double ty = partner.ys[Math.min(k + 1, partner.ys.length - 1)] - partner.ys[k - 1];
            double side = random.nextBoolean() ? 1 : -1;
            double direction = StrictMath.atan2(tx * side, -ty * side) + 0.5 * random.nextGaussian();
            double dx = StrictMath.cos(direction);
            double dy = StrictMath.sin(direction);
            double angle = random.nextDouble() * 2 * Math.PI;
            double px = partner.xs[k];
            double py = partner.ys[k];
            double step = 0.5 * Math.min(shape.width, partner.width);
            double near = 0;
            double far = step;
            while (far < shape.length + partner.width + step
                    && Chromosome.clearance(partner, shape.placed(px + far * dx, py + far * dy, angle), 1e9) <= 0) {
                near = far;
                far += step;
            }
            for (int i = 0; i < 14; i++) {
                double mid = 0.5 * (near + far);
                double gap = Chromosome.clearance(partner, shape.placed(px + mid * dx, py + mid * dy, angle), 1e9);
                if (gap < -0.4) {
                    near = mid;
                } else {
                    far = mid;
                }
            }
            Chromosome candidate = shape.placed(px + near * dx, py + near * dy, angle);
            double gap = Chromosome.clearance(partner, candidate, 1e9);
            if (gap > -0.9 && gap < 0 && candidate.inside(width, height, 2)
                    && clearOfAll(candidate, placed, partner, minGap)) {
                return candidate;
            }
        }
        return null;
    }

    private Chromosome crossing(Chromosome shape, List<Chromosome> placed, double minGap, SplittableRandom random) {
        for (int attempt = 0; attempt < TRIES; attempt++) {
            Chromosome partner = placed.get(random.nextInt(placed.size()));
            int n = partner.xs.length;
            int k = Math.max(1, Math.min(n - 2, (int) Math.round((0.2 + 0.6 * random.nextDouble()) * (n - 1))));
            double partnerAngle = StrictMath.atan2(partner.ys[k + 1] - partner.ys[k - 1],
                    partner.xs[k + 1] - partner.xs[k - 1]);
            double turn = (0.6 + 0.97 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            double angle = partnerAngle + turn;
            double along = (random.nextDouble() - 0.5) * 0.6 * shape.length;
            double x = partner.xs[k] - along * StrictMath.cos(angle);
            double y = partner.ys[k] - along * StrictMath.sin(angle);
            Chromosome candidate = shape.placed(x, y, angle);
            if (candidate.inside(width, height, 2)
                    && Chromosome.clearance(partner, candidate, 1e9) < -0.5 * Math.min(shape.width, partner.width)
                    && clearOfAll(candidate, placed, partner, minGap)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean clearOfAll(Chromosome candidate, List<Chromosome> placed, Chromosome except, double minGap) {
        for (Chromosome other : placed) {
            if (other != except && Chromosome.clearance(candidate, other, minGap) < minGap) {
                return false;
            }
        }
        return true;
    }

    /** The elliptical region a spread's chromosomes are scattered over. */
    private final class Spread {
        private final double cx;
        private final double cy;
        private final double radius;
        private final double aspect;
        private final double cos;
        private final double sin;

        Spread(double radius, SplittableRandom random) {
            this.radius = radius;
            double slackX = Math.max(0, width / 2.0 - radius - 4);
            double slackY = Math.max(0, height / 2.0 - radius - 4);
            cx = width / 2.0 + slackX * (2 * random.nextDouble() - 1) * 0.6;
            cy = height / 2.0 + slackY * (2 * random.nextDouble() - 1) * 0.6;
            aspect = 0.7 + 0.3 * random.nextDouble();
            double tilt = random.nextDouble() * Math.PI;
            cos = StrictMath.cos(tilt);
            sin = StrictMath.sin(tilt);
        }

        double[] point(double grow, SplittableRandom random) {
            double r = radius * grow * Math.sqrt(random.nextDouble());
            double phi = random.nextDouble() * 2 * Math.PI;
            double u = r * StrictMath.cos(phi) / Math.sqrt(aspect);
            double v = r * StrictMath.sin(phi) * Math.sqrt(aspect);
            return new double[] {cx + u * cos - v * sin, cy + u * sin + v * cos};
        }
    }
}
