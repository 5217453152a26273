package org.karyoloop.ml.spread;

import java.util.ArrayList;
import java.util.List;

/** Shape measures of an object from its moments and outline: elongation, ellipse fill, solidity. Stateless. */
final class Shape {

    private Shape() {
    }

    /** The object's inertia ellipse: {length, width} of the uniform rod with the same second moments. */
    static double[] lengthWidth(double[] s) {
        double a = s[SpreadObjects.AREA];
        double mx = s[SpreadObjects.SX] / a;
        double my = s[SpreadObjects.SY] / a;
        double vxx = s[SpreadObjects.SXX] / a - mx * mx + 1 / 12.0;
        double vyy = s[SpreadObjects.SYY] / a - my * my + 1 / 12.0;
        double vxy = s[SpreadObjects.SXY] / a - mx * my;
        double tr = vxx + vyy;
        double det = vxx * vyy - vxy * vxy;
        double root = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        double l1 = tr / 2 + root;
        double length = Math.sqrt(12 * l1);
        return new double[] {length, a / length};
    }

    /** Major over minor axis of the inertia ellipse (1 for a disc). */
    static double elongation(double[] s) {
        double[] e = eigen(s);
        return Math.sqrt(e[0] / Math.max(e[1], 1e-9));
    }

    /** The share of its inertia ellipse the object fills (about 1 for a filled ellipse, less for a ring or cluster). */
    static double ellipseFill(double[] s) {
        double[] e = eigen(s);
        double ellipse = Math.PI * 2 * Math.sqrt(Math.max(e[0], 1e-9)) * 2 * Math.sqrt(Math.max(e[1], 1e-9));
        return s[SpreadObjects.AREA] / ellipse;
    }

    /** Orientation of the major axis, radians from the x axis (-pi/2..pi/2). */
    static double orientation(double[] s) {
        double[] v = moments(s);
        return 0.5 * Math.atan2(2 * v[2], v[0] - v[1]);
    }

    /** The second central moments {xx, yy, xy} of the pixels summed in {@code s}. */
    private static double[] moments(double[] s) {
        double a = s[SpreadObjects.AREA];
        double mx = s[SpreadObjects.SX] / a;
        double my = s[SpreadObjects.SY] / a;
        return new double[] {s[SpreadObjects.SXX] / a - mx * mx, s[SpreadObjects.SYY] / a - my * my,
            s[SpreadObjects.SXY] / a - mx * my};
    }

    private static double[] eigen(double[] s) {
        double[] v = moments(s);
        double vxx = v[0];
        double vyy = v[1];
        double vxy = v[2];
        double tr = vxx + vyy;
        double det = vxx * vyy - vxy * vxy;
        double root = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        return new double[] {tr / 2 + root, tr / 2 - root};
    }

    /** Per object: its area over the area of its convex hull (plus half its outline, for pixel corners). */
    static double[] solidity(int[] label, int count, int w, int h) {
        List<List<int[]>> outline = new ArrayList<>(count);
        for (int o = 0; o < count; o++) {
            outline.add(new ArrayList<>());
        }
        int[] area = new int[count];
        for (int i = 0; i < label.length; i++) {
            int o = label[i];
            if (o < 0) {
                continue;
            }
            area[o]++;
            int x = i % w;
            int y = i / w;
            boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || label[i - 1] != o || label[i + 1] != o
                    || label[i - w] != o || label[i + w] != o;
            if (edge) {
                outline.get(o).add(new int[] {x, y});
            }
        }
        double[] solidity = new double[count];
        for (int o = 0; o < count; o++) {
            List<int[]> pts = outline.get(o);
            double hull = hullArea(pts) + 0.5 * pts.size() + 1;
            solidity[o] = area[o] / Math.max(area[o], hull);
        }
        return solidity;
    }

    /** Area of the convex hull of {@code p} (Andrew's monotone chain). */
    static double hullArea(List<int[]> p) {
        if (p.size() < 3) {
            return p.size();
        }
        p.sort((a, b) -> a[0] != b[0] ? a[0] - b[0] : a[1] - b[1]);
        int n = p.size();
        int[][] hull = new int[2 * n][];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], p.get(i)) <= 0) {
                k--;
            }
            hull[k++] = p.get(i);
        }
        for (int i = n - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(hull[k - 2], hull[k - 1], p.get(i)) <= 0) {
                k--;
            }
            hull[k++] = p.get(i);
        }
        double a = 0;
        for (int i = 0; i < k - 1; i++) {
            a += hull[i][0] * (double) hull[i + 1][1] - hull[i + 1][0] * (double) hull[i][1];
        }
        return Math.abs(a) / 2;
    }

    private static long cross(int[] o, int[] a, int[] b) {
        return (long) (a[0] - o[0]) * (b[1] - o[1]) - (long) (a[1] - o[1]) * (b[0] - o[0]);
    }
}
