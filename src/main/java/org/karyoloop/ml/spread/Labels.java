package org.karyoloop.ml.spread;

import java.util.Arrays;

/** Connected components, per-component sums, chamfer distance and a max filter over a field. Stateless. */
final class Labels {

    /** Chamfer distance of one pixel step (3-4 chamfer: 3 straight, 4 diagonal). */
    static final int DEPTH_UNIT = 3;

    private Labels() {
    }

    /** The components of a mask: per pixel the component (0..), -1 outside; and how many there are. */
    record Components(int[] label, int count) {
    }

    /**
     * 8-connected components of {@code mask}, numbered in the raster order of their first pixel (one raster pass with
     * a union-find of provisional labels, then one pass renumbering them).
     */
    static Components components(boolean[] mask, int w, int h) {
        int[] label = new int[mask.length];
        return new Components(label, label(mask, w, h, label));
    }

    /** Labels the components of {@code mask} into {@code label} as {@link #components} does; returns their number. */
    private static int label(boolean[] mask, int w, int h, int[] label) {
        Provisional p = new Provisional();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                label[i] = mask[i] ? p.label(mask, label, i, x, y, w) : -1;
            }
        }
        // A component's root is its smallest provisional label, the one made at its first pixel in raster order:
        // numbering the roots in label order numbers the components in the order of their first pixel.
        int[] number = new int[p.count];
        int next = 0;
        for (int l = 0; l < p.count; l++) {
            int root = find(p.parent, l);
            number[l] = root == l ? next++ : number[root];
        }
        for (int i = 0; i < label.length; i++) {
            int l = label[i];
            if (l >= 0) {
                label[i] = number[l];
            }
        }
        return next;
    }

    /**
     * The 8-connected components of {@code mask} where every set pixel is one of {@code pixels} (raster order), in
     * one pass over those pixels alone: afterwards {@code root[i]} of each set pixel names its component (the same
     * number for the same component, below the returned bound, in no particular order); {@code root} is read and
     * written at set pixels only.
     */
    static int roots(boolean[] mask, int[] pixels, int w, int[] root) {
        Provisional p = new Provisional();
        for (int i : pixels) {
            if (mask[i]) {
                root[i] = p.label(mask, root, i, i % w, i / w, w);
            }
        }
        for (int i : pixels) {
            if (mask[i]) {
                root[i] = find(p.parent, root[i]);
            }
        }
        return p.count;
    }

    /** The raster-ordered indices of the pixels that {@code label} gives a component. */
    static int[] labelled(int[] label) {
        int k = 0;
        for (int l : label) {
            if (l >= 0) {
                k++;
            }
        }
        int[] pixels = new int[k];
        k = 0;
        for (int i = 0; i < label.length; i++) {
            if (label[i] >= 0) {
                pixels[k++] = i;
            }
        }
        return pixels;
    }

    /** The provisional labels of one raster scan and their union-find (each set's root is its smallest label). */
    private static final class Provisional {
        int[] parent = new int[256];
        int count;

        /** The provisional label of set pixel {@code i} at (x, y), from its scanned neighbours or a new one. */
        int label(boolean[] mask, int[] label, int i, int x, int y, int w) {
            int l = -1;
            if (y > 0 && mask[i - w]) {
                l = label[i - w]; // north touches west, north-west and north-east: nothing to join
            } else {
                if (x > 0 && mask[i - 1]) {
                    l = label[i - 1];
                } else if (x > 0 && y > 0 && mask[i - w - 1]) {
                    l = label[i - w - 1];
                }
                if (y > 0 && x < w - 1 && mask[i - w + 1]) {
                    int ne = label[i - w + 1];
                    if (l < 0) {
                        l = ne;
                    } else if (l != ne) {
                        l = union(parent, l, ne); // the row's next pixels take the root from their west neighbour
                    }
                }
            }
            if (l < 0) {
                if (count == parent.length) {
                    parent = Arrays.copyOf(parent, 2 * parent.length);
                }
                parent[count] = count;
                l = count++;
            }
            return l;
        }
    }

    /** The root of {@code l} in the union-find {@code parent}, halving the path on the way. */
    static int find(int[] parent, int l) {
        while (parent[l] != l) {
            parent[l] = parent[parent[l]];
            l = parent[l];
        }
        return l;
    }

    /**
     * Joins the sets of {@code a} and {@code b} under the smaller root and returns it; {@code a} and {@code b} point
     * at it directly afterwards (the root, each set's smallest label, is the same either way).
     */
    static int union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        int root = Math.min(ra, rb);
        parent[ra] = root;
        parent[rb] = root;
        parent[a] = root;
        parent[b] = root;
        return root;
    }

    /** Sets the holes of {@code mask} (unset regions that do not reach the field's edge). */
    static void fillHoles(boolean[] mask, int w, int h) {
        boolean[] unset = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            unset[i] = !mask[i];
        }
        int[] region = new int[mask.length];
        boolean[] edge = new boolean[label(unset, w, h, region)];
        for (int x = 0; x < w; x++) {
            mark(edge, region[x]);
            mark(edge, region[(h - 1) * w + x]);
        }
        for (int y = 0; y < h; y++) {
            mark(edge, region[y * w]);
            mark(edge, region[y * w + w - 1]);
        }
        for (int i = 0; i < mask.length; i++) {
            if (region[i] >= 0 && !edge[region[i]]) {
                mask[i] = true;
            }
        }
    }

    private static void mark(boolean[] edge, int region) {
        if (region >= 0) {
            edge[region] = true;
        }
    }

    /** Per component: the sums of {@link SpreadObjects} (area, moments, stain, peak, box; depth left 0). */
    static double[][] stats(Components components, int w, float[] stain) {
        int[] label = components.label();
        int count = components.count();
        double[][] s = new double[count][];
        for (int o = 0; o < count; o++) {
            s[o] = new double[] {0, 0, 0, 0, 0, 0, 0, 0, Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1, 0};
        }
        int h = label.length / w;
        for (int row = 0; row < h; row++) {
            double y = row;
            for (int col = 0, i = row * w; col < w; col++, i++) {
                int o = label[i];
                if (o < 0) {
                    continue;
                }
                double x = col;
                double[] t = s[o];
                t[0]++;
                t[1] += x;
                t[2] += y;
                t[3] += x * x;
                t[4] += y * y;
                t[5] += x * y;
                t[6] += stain[i];
                t[7] = Math.max(t[7], stain[i]);
                t[8] = Math.min(t[8], x);
                t[9] = Math.max(t[9], x);
                t[10] = Math.min(t[10], y);
                t[11] = Math.max(t[11], y);
            }
        }
        return s;
    }

    /**
     * 3-4 chamfer distance of each mask pixel to the nearest pixel outside (or the field's edge); 0 outside. Two
     * raster passes; in each row the three neighbours of the row already done are taken first, over row buffers at
     * the same index (which C2 vectorises), then the neighbour along the row, in order (the same minimum as taking
     * all four per pixel: {@code FieldOperationsTest}).
     */
    static int[] depth(boolean[] mask, int w, int h) {
        int inf = 1 << 20;
        int[] d = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            d[i] = mask[i] ? inf : 0;
        }
        int[] cur = new int[w];
        int[] before = new int[w]; // the row done: each pixel's neighbour one column before, at, and after it
        int[] at = new int[w];
        int[] after = new int[w];
        // a pixel on the field's edge is one step from outside, and no neighbour is nearer than a step: 3
        for (int x = 0; x < w; x++) {
            d[x] = d[x] == 0 ? 0 : 3;
        }
        for (int y = 1; y < h; y++) {
            int row = y * w;
            neighbours(d, row - w, w, before, at, after, cur, row);
            cur[0] = cur[0] == 0 ? 0 : 3;
            for (int x = 1; x < w - 1; x++) {
                cur[x] = Math.min(cur[x], cur[x - 1] + 3);
            }
            if (w > 1) {
                int x = w - 1;
                cur[x] = Math.min(Math.min(cur[x], cur[x - 1] + 3), Math.min(at[x] + 3, before[x] + 4));
            }
            System.arraycopy(cur, 0, d, row, w);
        }
        for (int i = (h - 1) * w; i < h * w; i++) {
            d[i] = Math.min(d[i], 3);
        }
        for (int y = h - 2; y >= 0; y--) {
            int row = y * w;
            neighbours(d, row + w, w, before, at, after, cur, row);
            cur[w - 1] = Math.min(cur[w - 1], 3);
            for (int x = w - 2; x > 0; x--) {
                cur[x] = Math.min(cur[x], cur[x + 1] + 3);
            }
            if (w > 1) {
                cur[0] = Math.min(Math.min(cur[0], cur[1] + 3), Math.min(at[0] + 3, after[0] + 4));
            }
            System.arraycopy(cur, 0, d, row, w);
        }
        return d;
    }

    /**
     * Copies row {@code row} of {@code d} to {@code cur} and the row at {@code done} shifted to {@code before},
     * {@code at} and {@code after}; then, for the pixels inside the row, the nearer of {@code cur} and the three
     * neighbours in the done row (3 straight, 4 diagonal). An outside pixel stays 0.
     */
    private static void neighbours(int[] d, int done, int w, int[] before, int[] at, int[] after, int[] cur,
            int row) {
        System.arraycopy(d, row, cur, 0, w);
        System.arraycopy(d, done, at, 0, w);
        if (w > 1) {
            System.arraycopy(d, done, before, 1, w - 1);
            System.arraycopy(d, done + 1, after, 0, w - 1);
        }
        for (int x = 1; x < w - 1; x++) {
            cur[x] = Math.min(cur[x], Math.min(at[x] + 3, Math.min(before[x], after[x]) + 4));
        }
    }

    /**
     * Gaussian blur of {@code v} with {@code sigma} pixels (separable, edges clamped); a copy when sigma is tiny. Each
     * pass adds the kernel's taps in order from the first to the last, one row of taps at a time. Each tap's row is
     * copied to a buffer first: C2 vectorises a sum over two arrays at the same index, but not one that reads the
     * source at an offset from the array it writes (the two could alias); copied, the blur takes about half the time
     * for the same bits.
     */
    static float[] gauss(float[] v, int w, int h, double sigma) {
        if (sigma < 0.3) {
            return v.clone();
        }
        int r = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * r + 1];
        float sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] t = new float[v.length];
        float[] acc = new float[w];
        float[] tap = new float[w];
        int lo = Math.min(w, r); // columns [lo, hi) have every tap inside the row
        int hi = Math.max(lo, w - r);
        int span = hi - lo;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < lo; x++) {
                t[row + x] = clampedRow(v, row, w, x, k, r);
            }
            if (span > 0) {
                Arrays.fill(acc, 0, span, 0f);
                for (int i = -r; i <= r; i++) {
                    System.arraycopy(v, row + lo + i, tap, 0, span);
                    addScaled(acc, k[i + r], tap, span);
                }
                System.arraycopy(acc, 0, t, row + lo, span);
            }
            for (int x = hi; x < w; x++) {
                t[row + x] = clampedRow(v, row, w, x, k, r);
            }
        }
        float[] out = new float[v.length];
        for (int y = 0; y < h; y++) {
            Arrays.fill(acc, 0f);
            for (int i = -r; i <= r; i++) {
                System.arraycopy(t, Math.min(h - 1, Math.max(0, y + i)) * w, tap, 0, w);
                addScaled(acc, k[i + r], tap, w);
            }
            System.arraycopy(acc, 0, out, y * w, w);
        }
        return out;
    }

    /** {@code acc[x] += k * tap[x]} for the first {@code n}. */
    private static void addScaled(float[] acc, float k, float[] tap, int n) {
        for (int x = 0; x < n; x++) {
            acc[x] += k * tap[x];
        }
    }

    private static float clampedRow(float[] v, int row, int w, int x, float[] k, int r) {
        float acc = 0;
        for (int i = -r; i <= r; i++) {
            acc += k[i + r] * v[row + Math.min(w - 1, Math.max(0, x + i))];
        }
        return acc;
    }

    /**
     * The maximum of {@code v} over the (2r+1)-square around each pixel (separable, clipped at the edges): along rows
     * by a monotone deque, along columns by van Herk / Gil-Werman blocks of 2r+1 rows, whole rows at a time.
     */
    static float[] maxFilter(float[] v, int w, int h, int r) {
        float[] t = new float[v.length];
        int[] deque = new int[w];
        for (int y = 0; y < h; y++) {
            slidingMax(v, y * w, w, r, t, deque);
        }
        float[] out = new float[v.length];
        if (r <= 0) {
            System.arraycopy(t, 0, out, 0, t.length);
            return out;
        }
        int k = 2 * r + 1;
        // out: per row the maximum from its block's first row down to it; t, in place: up to its block's last row
        for (int b = 0; b < h; b += k) {
            int e = Math.min(h, b + k) - 1;
            System.arraycopy(t, b * w, out, b * w, w);
            for (int y = b + 1; y <= e; y++) {
                maxRows(out, (y - 1) * w, t, y * w, out, y * w, w);
            }
            for (int y = e - 1; y >= b; y--) {
                maxRows(t, (y + 1) * w, t, y * w, t, y * w, w);
            }
        }
        // rows in order: row y's window [a, c] ends at or below y, and out's rows above y are no longer read
        for (int y = 0; y < h; y++) {
            int a = Math.max(0, y - r);
            int c = Math.min(h - 1, y + r);
            if (a % k == 0) {
                System.arraycopy(out, c * w, out, y * w, w);
            } else if (a / k == c / k) {
                System.arraycopy(t, a * w, out, y * w, w);
            } else {
                maxRows(t, a * w, out, c * w, out, y * w, w);
            }
        }
        return out;
    }

    private static void maxRows(float[] p, int pi, float[] q, int qi, float[] out, int oi, int n) {
        for (int x = 0; x < n; x++) {
            float a = p[pi + x];
            float b = q[qi + x];
            out[oi + x] = a >= b ? a : b;
        }
    }

    /** Sliding-window maximum along one row (monotone deque), O(length). */
    private static void slidingMax(float[] in, int offset, int length, int r, float[] out, int[] deque) {
        int head = 0;
        int tail = 0;
        int next = 0;
        for (int i = 0; i < length; i++) {
            int hi = Math.min(length - 1, i + r);
            while (next <= hi) {
                float val = in[offset + next];
                while (tail > head && in[offset + deque[tail - 1]] <= val) {
                    tail--;
                }
                deque[tail++] = next++;
            }
            while (deque[head] < i - r) {
                head++;
            }
            out[offset + i] = in[offset + deque[head]];
        }
    }
}
