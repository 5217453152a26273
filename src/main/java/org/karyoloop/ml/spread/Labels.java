package org.karyoloop.ml.spread;

import java.util.Arrays;

/** Connected components, per-component sums, chamfer distance and a max filter over a field. Stateless. */
final class Labels {

    /** Chamfer distance of one pixel step (3-4 chamfer: 3 straight, 4 diagonal). */
    static final int DEPTH_UNIT = 3;

    private Labels() {
    }

    /** 8-connected components of {@code mask}: per pixel the component (0..), -1 outside. */
    static int[] components(boolean[] mask, int w, int h) {
        int n = mask.length;
        int[] label = new int[n];
        Arrays.fill(label, -1);
        int[] stack = new int[n];
        int next = 0;
        for (int s = 0; s < n; s++) {
            if (!mask[s] || label[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            label[s] = next;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        int q = yy * w + xx;
                        if (mask[q] && label[q] < 0) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            next++;
        }
        return label;
    }

    /** Sets the holes of {@code mask} (unset regions that do not reach the field's edge). */
    static void fillHoles(boolean[] mask, int w, int h) {
        boolean[] unset = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            unset[i] = !mask[i];
        }
        int[] region = components(unset, w, h);
        boolean[] edge = new boolean[count(region)];
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

    static int count(int[] label) {
        int max = -1;
        for (int l : label) {
            max = Math.max(max, l);
        }
        return max + 1;
    }

    /** Per component: the sums of {@link SpreadObjects} (area, moments, stain, peak, box; depth left 0). */
    static double[][] stats(int[] label, int count, int w, float[] stain) {
        double[][] s = new double[count][];
        for (int o = 0; o < count; o++) {
            s[o] = new double[] {0, 0, 0, 0, 0, 0, 0, 0, Integer.MAX_VALUE, -1, Integer.MAX_VALUE, -1, 0};
        }
        for (int i = 0; i < label.length; i++) {
            int o = label[i];
            if (o < 0) {
                continue;
            }
            double x = i % w;
            double y = i / w;
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
        return s;
    }

    /** 3-4 chamfer distance of each mask pixel to the nearest pixel outside (or the field's edge); 0 outside. */
    static int[] depth(boolean[] mask, int w, int h) {
        int inf = 1 << 20;
        int[] d = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            d[i] = mask[i] ? inf : 0;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (d[i] == 0) {
                    continue;
                }
                int v = x == 0 || y == 0 ? 3 : d[i];
                if (x > 0) {
                    v = Math.min(v, d[i - 1] + 3);
                }
                if (y > 0) {
                    v = Math.min(v, d[i - w] + 3);
                    if (x > 0) {
                        v = Math.min(v, d[i - w - 1] + 4);
                    }
                    if (x < w - 1) {
                        v = Math.min(v, d[i - w + 1] + 4);
                    }
                }
                d[i] = v;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                if (d[i] == 0) {
                    continue;
                }
                int v = x == w - 1 || y == h - 1 ? Math.min(d[i], 3) : d[i];
                if (x < w - 1) {
                    v = Math.min(v, d[i + 1] + 3);
                }
                if (y < h - 1) {
                    v = Math.min(v, d[i + w] + 3);
                    if (x < w - 1) {
                        v = Math.min(v, d[i + w + 1] + 4);
                    }
                    if (x > 0) {
                        v = Math.min(v, d[i + w - 1] + 4);
                    }
                }
                d[i] = v;
            }
        }
        return d;
    }

    /** Gaussian blur of {@code v} with {@code sigma} pixels (separable, edges clamped); a copy when sigma is tiny. */
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
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -r; i <= r; i++) {
                    acc += k[i + r] * v[y * w + Math.min(w - 1, Math.max(0, x + i))];
                }
                t[y * w + x] = acc;
            }
        }
        float[] out = new float[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -r; i <= r; i++) {
                    acc += k[i + r] * t[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }

    /** The maximum of {@code v} over the (2r+1)-square around each pixel (separable, clipped at the edges). */
    static float[] maxFilter(float[] v, int w, int h, int r) {
        float[] t = new float[v.length];
        float[] out = new float[v.length];
        for (int y = 0; y < h; y++) {
            slidingMax(v, y * w, 1, w, r, t);
        }
        for (int x = 0; x < w; x++) {
            slidingMax(t, x, w, h, r, out);
        }
        return out;
    }

    /** Sliding-window maximum along one line (monotone deque), O(length). */
    private static void slidingMax(float[] in, int offset, int stride, int length, int r, float[] out) {
        int[] deque = new int[length];
        int head = 0;
        int tail = 0;
        int next = 0;
        for (int i = 0; i < length; i++) {
            int hi = Math.min(length - 1, i + r);
            while (next <= hi) {
                float val = in[offset + next * stride];
                while (tail > head && in[offset + deque[tail - 1] * stride] <= val) {
                    tail--;
                }
                deque[tail++] = next++;
            }
            while (deque[head] < i - r) {
                head++;
            }
            out[offset + i * stride] = in[offset + deque[head] * stride];
        }
    }
}
