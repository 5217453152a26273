package org.karyoloop.ml.spread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast field operations of the measurement give exactly what their plain definitions give: order statistics
 * against a full sort, components against a flood fill, the max filter, the blur and the chamfer depth against
 * per-pixel loops, on random fields and masks of several shapes (one pixel wide or high included).
 */
class FieldOperationsTest {

    private static final int[][] SHAPES = {{1, 1}, {1, 9}, {9, 1}, {2, 2}, {7, 5}, {64, 48}, {123, 77}};

    @Test
    void selectionAndDigitSelectionFindTheValueASortPutsAtEachRank() {
        Random random = new Random(1);
        int[] count = new int[2048];
        for (int n : new int[] {1, 2, 3, 17, 100, 5_000}) {
            for (int trial = 0; trial < 24; trial++) {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    // few distinct levels (as 8-bit gray gives), inverted gray, signed zeros, and noise of both signs
                    // across many exponents
                    v[i] = switch (trial % 4) {
                        case 0 -> random.nextInt(4) / 255f;
                        case 1 -> 1f - random.nextInt(256) / 255f;
                        case 2 -> random.nextBoolean() ? -0f : 0f;
                        default -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
                    };
                }
                float[] sorted = v.clone();
                Arrays.sort(sorted);
                int rank = random.nextInt(n);
                int[] keys = new int[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = OrderStatistics.key(v[i]);
                }
                float byDigits = OrderStatistics.value(OrderStatistics.selectByDigits(keys.clone(), n, rank, count));
                assertThat(Float.floatToIntBits(byDigits)).as("digits, n=%d rank=%d", n, rank)
                        .isEqualTo(Float.floatToIntBits(sorted[rank]));
                float got = OrderStatistics.value(OrderStatistics.select(keys, 0, n, rank));
                assertThat(Float.floatToIntBits(got)).as("n=%d rank=%d", n, rank)
                        .isEqualTo(Float.floatToIntBits(sorted[rank]));
                for (int i = 0; i < n; i++) {
                    assertThat(keys[i] <= keys[rank] == i <= rank || keys[i] == keys[rank]).isTrue();
                }
            }
        }
    }

    @Test
    void rankLookupFindsTheValuesASortPutsAtTheRanksAndLeavesTheKeysInPlace() {
        Random random = new Random(4);
        for (int n : new int[] {1, 2, 17, 5_000, 70_000}) {
            for (int trial = 0; trial < 6; trial++) {
                int[] keys = new int[n];
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    // one bucket crowded (few levels), signed zeros, values of both signs across many exponents
                    v[i] = switch (trial % 3) {
                        case 0 -> random.nextInt(4) / 255f;
                        case 1 -> random.nextBoolean() ? -0f : 0f;
                        default -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3));
                    };
                    keys[i] = OrderStatistics.key(v[i]);
                }
                int[] unchanged = keys.clone();
                int from = n > 2 ? 1 : 0;
                int a = from + random.nextInt(n - from);
                int b = from + random.nextInt(n - from);
                int[] got = OrderStatistics.atRanks(keys, from, n, a, b);
                float[] sortedPart = Arrays.copyOfRange(v, from, n);
                Arrays.sort(sortedPart);
                assertThat(Float.floatToIntBits(OrderStatistics.value(got[0]))).as("n=%d rank=%d", n, a)
                        .isEqualTo(Float.floatToIntBits(sortedPart[a - from]));
                assertThat(Float.floatToIntBits(OrderStatistics.value(got[1]))).as("n=%d rank=%d", n, b)
                        .isEqualTo(Float.floatToIntBits(sortedPart[b - from]));
                assertThat(keys).isEqualTo(unchanged);
            }
        }
    }

    @Test
    void componentsAreTheFloodFillsNumberedInRasterOrder() {
        Random random = new Random(2);
        for (int[] s : SHAPES) {
            for (double density : new double[] {0.1, 0.45, 0.6, 0.95}) {
                boolean[] mask = randomMask(s[0], s[1], density, random);
                assertThat(Labels.components(mask, s[0], s[1]).label()).isEqualTo(floodFill(mask, s[0], s[1]));
            }
        }
    }

    @Test
    void holesAreFilledAndRegionsReachingTheEdgeAreNot() {
        int w = 9;
        int h = 7;
        boolean[] mask = new boolean[w * h];
        for (int y = 1; y <= 5; y++) {
            for (int x = 1; x <= 5; x++) {
                mask[y * w + x] = y == 1 || y == 5 || x == 1 || x == 5; // a ring around a 3x3 hole
            }
        }
        mask[3 * w + 7] = true; // alone, beside the unset region that reaches the edge
        Labels.fillHoles(mask, w, h);
        assertThat(mask[3 * w + 3]).isTrue();
        assertThat(mask[2 * w + 2]).isTrue();
        assertThat(mask[3 * w + 6]).isFalse();
        assertThat(mask[0]).isFalse();
    }

    @Test
    void maxFilterIsTheMaximumOverEachClippedSquare() {
        Random random = new Random(3);
        for (int[] s : SHAPES) {
            float[] v = randomField(s[0] * s[1], random);
            for (int r : new int[] {0, 1, 2, 5, 40}) {
                assertThat(Labels.maxFilter(v, s[0], s[1], r)).as("%dx%d r=%d", s[0], s[1], r)
                        .isEqualTo(bruteMax(v, s[0], s[1], r));
            }
        }
    }

    @Test
    void blurAddsTheClampedTapsInOrderBitForBit() {
        Random random = new Random(4);
        for (int[] s : SHAPES) {
            float[] v = randomField(s[0] * s[1], random);
            for (double sigma : new double[] {0.5, 1.3, 2.4, 7}) {
                assertThat(Labels.gauss(v, s[0], s[1], sigma)).as("%dx%d sigma=%s", s[0], s[1], sigma)
                        .isEqualTo(plainGauss(v, s[0], s[1], sigma));
            }
        }
    }

    @Test
    void depthIsTheTwoPassChamferDistance() {
        Random random = new Random(5);
        for (int[] s : SHAPES) {
            for (double density : new double[] {0.3, 0.8, 1.0}) {
                boolean[] mask = randomMask(s[0], s[1], density, random);
                assertThat(Labels.depth(mask, s[0], s[1])).isEqualTo(plainDepth(mask, s[0], s[1]));
            }
        }
    }

    private static boolean[] randomMask(int w, int h, double density, Random random) {
        boolean[] mask = new boolean[w * h];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < density;
        }
        return mask;
    }

    private static float[] randomField(int n, Random random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(10) == 0 ? 0.5f : (float) random.nextGaussian();
        }
        return v;
    }

    private static int[] floodFill(boolean[] mask, int w, int h) {
        int[] label = new int[mask.length];
        Arrays.fill(label, -1);
        int[] stack = new int[mask.length];
        int next = 0;
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s] || label[s] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = s;
            label[s] = next;
            while (top > 0) {
                int p = stack[--top];
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int x = p % w + dx;
                        int y = p / w + dy;
                        if (x >= 0 && x < w && y >= 0 && y < h && mask[y * w + x] && label[y * w + x] < 0) {
                            label[y * w + x] = next;
                            stack[top++] = y * w + x;
                        }
                    }
                }
            }
            next++;
        }
        return label;
    }

    private static float[] bruteMax(float[] v, int w, int h, int r) {
        float[] out = new float[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float m = Float.NEGATIVE_INFINITY;
                for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                    for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                        m = Math.max(m, v[yy * w + xx]);
                    }
                }
                out[y * w + x] = m;
            }
        }
        return out;
    }

    private static float[] plainGauss(float[] v, int w, int h, double sigma) {
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

    private static int[] plainDepth(boolean[] mask, int w, int h) {
        int[] d = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            d[i] = mask[i] ? 1 << 20 : 0;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (d[i] == 0) {
                    continue;
                }
                int v = x == 0 || y == 0 ? 3 : d[i];
                v = x > 0 ? Math.min(v, d[i - 1] + 3) : v;
                if (y > 0) {
                    v = Math.min(v, d[i - w] + 3);
                    v = x > 0 ? Math.min(v, d[i - w - 1] + 4) : v;
                    v = x < w - 1 ? Math.min(v, d[i - w + 1] + 4) : v;
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
                v = x < w - 1 ? Math.min(v, d[i + 1] + 3) : v;
                if (y < h - 1) {
                    v = Math.min(v, d[i + w] + 3);
                    v = x < w - 1 ? Math.min(v, d[i + w + 1] + 4) : v;
                    v = x > 0 ? Math.min(v, d[i + w - 1] + 4) : v;
                }
                d[i] = v;
            }
        }
        return d;
    }
}
