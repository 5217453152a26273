package org.karyoloop.synth;

import java.util.SplittableRandom;

/** Derives independent, order-free random streams from (seed, index, purpose), so image i never depends on image i-1. */
final class Seeds {

    static final long SLIDE = 0x51DE;
    static final long SPREAD = 0x5B8E;
    static final long LABEL = 0x1ABE;
    static final long NOISE = 0x4015E;
    static final long DOMAIN = 0xD0A1;

    private Seeds() {
    }

    /** A random stream for one purpose of one item. */
    static SplittableRandom random(long seed, long index, long purpose) {
        return new SplittableRandom(mix(seed, index, purpose));
    }

    /** A well-mixed 64-bit value of three inputs (SplitMix64 finaliser). */
    static long mix(long seed, long index, long purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = finalise(z) ^ purpose * 0xBF58476D1CE4E5B9L;
        return finalise(z);
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
