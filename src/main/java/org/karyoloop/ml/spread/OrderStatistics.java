package org.karyoloop.ml.spread;

import java.util.Arrays;

/**
 * Exact order statistics of float values without sorting them all: the value that {@code Arrays.sort} would put at
 * a rank, found by selection over sortable integer keys (the float order of {@code Arrays.sort}: -0.0 before 0.0,
 * NaN last). A percentile of a megapixel field costs a few linear passes instead of a full sort. Stateless;
 * thread-safe (the key arrays belong to the caller).
 */
final class OrderStatistics {

    private OrderStatistics() {
    }

    /** The sortable key of {@code v}: integer order equals the float order of {@code Arrays.sort}. */
    static int key(float v) {
        int bits = Float.floatToIntBits(v);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /** The float whose key is {@code key}. */
    static float value(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }

    /**
     * Rearranges {@code keys[from, to)} so that the key at {@code rank} is the one a sort would put there, with no
     * larger key before it and no smaller key after it; returns that key.
     */
    static int select(int[] keys, int from, int to, int rank) {
        if (rank < from || rank >= to) {
            throw new IllegalArgumentException("rank " + rank + " outside [" + from + ", " + to + ")");
        }
        int lo = from;
        int hi = to; // exclusive
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from))) + 8;
        while (hi - lo > 16) {
            if (budget-- == 0) {
                Arrays.sort(keys, lo, hi); // unlucky pivots: a sort bounds the cost
                return keys[rank];
            }
            int mid = lo + (hi - lo) / 2;
            int pivot = median(keys[lo], keys[mid], keys[hi - 1]);
            // three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi) > pivot
            int lt = lo;
            int i = lo;
            int gt = hi - 1;
            while (i <= gt) {
                int k = keys[i];
                if (k < pivot) {
                    keys[i++] = keys[lt];
                    keys[lt++] = k;
                } else if (k > pivot) {
                    keys[i] = keys[gt];
                    keys[gt--] = k;
                } else {
                    i++;
                }
            }
            if (rank < lt) {
                hi = lt;
            } else if (rank > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        Arrays.sort(keys, lo, hi);
        return keys[rank];
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
