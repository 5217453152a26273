package org.karyoloop.synth;

/** Closest points between two line segments in the plane (after Ericson, Real-Time Collision Detection, 5.1.9). */
final class Segments {

    private Segments() {
    }

    /**
     * Writes into {@code out} the parameter along the first segment, the parameter along the second,
     * and the distance between the closest points.
     */
    static void closest(double p1x, double p1y, double q1x, double q1y, double p2x, double p2y, double q2x,
            double q2y, double[] out) {
        double d1x = q1x - p1x;
        double d1y = q1y - p1y;
        double d2x = q2x - p2x;
        double d2y = q2y - p2y;
        double rx = p1x - p2x;
        double ry = p1y - p2y;
        double a = d1x * d1x + d1y * d1y;
        double e = d2x * d2x + d2y * d2y;
        double f = d2x * rx + d2y * ry;
        double s;
        double t;
        if (a <= 1e-12 && e <= 1e-12) {
            s = 0;
            t = 0;
        } else if (a <= 1e-12) {
            s = 0;
            t = clamp(f / e);
        } else {
            double c = d1x * rx + d1y * ry;
            if (e <= 1e-12) {
                t = 0;
                s = clamp(-c / a);
            } else {
                double b = d1x * d2x + d1y * d2y;
                double denom = a * e - b * b;
                s = denom > 1e-12 ? clamp((b * f - c * e) / denom) : 0;
                t = (b * s + f) / e;
                if (t < 0) {
                    t = 0;
                    s = clamp(-c / a);
                } else if (t > 1) {
                    t = 1;
                    s = clamp((b - c) / a);
                }
            }
        }
        double dx = p1x + d1x * s - (p2x + d2x * t);
        double dy = p1y + d1y * s - (p2y + d2y * t);
        out[0] = s;
        out[1] = t;
        out[2] = Math.sqrt(dx * dx + dy * dy);
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : Math.min(1, v);
    }
}
