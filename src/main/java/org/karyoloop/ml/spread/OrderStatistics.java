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

    /** Radix digits of {@link #selectByDigits}, from the key's top bits down: 11, 11 and 10 bits. */
    private static final int[] DIGIT_SHIFT = {21, 10, 0};
    private static final int[] DIGIT_MASK = {0x7FF, 0x7FF, 0x3FF};

    /**
     * The key a sort of {@code keys[0, n)} would put at {@code rank}, by radix selection: per digit of the key, one
     * pass counts the keys by that digit in {@code count} (at least 2,048 long; scratch) and a second keeps, in place,
     * only those of the digit the rank falls in. For a few thousand keys (a background tile) this is a few plain
     * passes where {@link #select}'s partitioning branches on every key. Rearranges {@code keys[0, n)}.
     */
    static int selectByDigits(int[] keys, int n, int rank, int[] count) {
        if (rank < 0 || rank >= n) {
            throw new IllegalArgumentException("rank " + rank + " outside [0, " + n + ")");
        }
        int left = n;
        int r = rank;
        for (int d = 0; d < DIGIT_SHIFT.length && left > 1; d++) {
            int shift = DIGIT_SHIFT[d];
            int mask = DIGIT_MASK[d];
            Arrays.fill(count, 0, mask + 1, 0);
            for (int i = 0; i < left; i++) {
                count[((keys[i] ^ Integer.MIN_VALUE) >>> shift) & mask]++;
            }
            int digit = 0;
            while (r >= count[digit]) {
                r -= count[digit++];
            }
            int kept = 0;
            for (int i = 0; i < left; i++) {
                int k = keys[i];
                keys[kept] = k;
                kept += (((k ^ Integer.MIN_VALUE) >>> shift) & mask) == digit ? 1 : 0;
            }
            left = kept;
        }
        return keys[r];
    }

    /**
     * The keys a sort of {@code keys[from, to)} would put at each of {@code ranks} (each in {@code [from, to)}), without
     * rearranging them: one pass counts the keys by their upper 16 bits, a second gathers the keys of the buckets the
     * ranks fall in, and a selection within each bucket finishes. On a megapixel field this is two plain passes
     * instead of the partitioning passes of {@link #select}, once for all the ranks.
     */
    static int[] atRanks(int[] keys, int from, int to, int... ranks) {
        int[] count = new int[1 << 16];
        for (int i = from; i < to; i++) {
            count[bucket(keys[i])]++;
        }
        int m = ranks.length;
        int[] bucket = new int[m];
        int[] within = new int[m];
        int[][] gathered = new int[m][];
        for (int j = 0; j < m; j++) {
            int rank = ranks[j];
            if (rank < from || rank >= to) {
                throw new IllegalArgumentException("rank " + rank + " outside [" + from + ", " + to + ")");
            }
            int b = 0;
            int seen = from;
            while (seen + count[b] <= rank) {
                seen += count[b++];
            }
            bucket[j] = b;
            within[j] = rank - seen;
            gathered[j] = new int[count[b]];
        }
        int[] filled = new int[m];
        for (int i = from; i < to; i++) {
            int b = bucket(keys[i]);
            for (int j = 0; j < m; j++) {
                if (bucket[j] == b) {
                    gathered[j][filled[j]++] = keys[i];
                }
            }
        }
        int[] result = new int[m];
        for (int j = 0; j < m; j++) {
            result[j] = select(gathered[j], 0, gathered[j].length, within[j]);
        }
        return result;
    }

    /** The upper 16 bits of {@code key}, as an index in key order (the sign bit flipped). */
    private static int bucket(int key) {
        return (key >>> 16) ^ 0x8000;
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
