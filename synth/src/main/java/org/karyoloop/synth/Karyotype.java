package org.karyoloop.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 24 human chromosome types (1–22, X, Y): relative length, centromere position and one fixed
 * G-band pattern each, so homologues look alike in every image.
 */
final class Karyotype {

    /** Types: 0–21 are autosomes 1–22, then X and Y. */
    static final int TYPES = 24;
    static final int X = 22;
    static final int Y = 23;
    /** Samples of each band profile along the chromosome. */
    static final int PROFILE_SAMPLES = 512;
    /** Length of chromosome 1 at condensation 1, in reference pixels. */
    static final double CHR1_LENGTH = 80;

    private static final double[] RELATIVE_LENGTH = {
        8.44, 8.02, 6.83, 6.30, 6.08, 5.90, 5.36, 4.93, 4.80, 4.59, 4.61, 4.66,
        3.74, 3.56, 3.46, 3.36, 3.25, 2.93, 2.67, 2.56, 1.90, 2.04, 5.12, 2.15};
    private static final double[] CENTROMERE = {
        0.48, 0.39, 0.47, 0.29, 0.29, 0.39, 0.39, 0.34, 0.35, 0.32, 0.40, 0.27,
        0.17, 0.18, 0.19, 0.41, 0.34, 0.31, 0.47, 0.45, 0.27, 0.29, 0.40, 0.27};
    private static final float[][] PROFILES = buildProfiles();

    private Karyotype() {
    }

    /** Length of a type at condensation 1, in reference pixels. */
    static double length(int type) {
        return CHR1_LENGTH * RELATIVE_LENGTH[type] / RELATIVE_LENGTH[0];
    }

    /** Centromere position from the p-arm end, as a fraction of the length. */
    static double centromere(int type) {
        return CENTROMERE[type];
    }

    /** Stain density (0–1) along the chromosome, p-arm end first. */
    static float[] profile(int type) {
        return PROFILES[type];
    }

    /** The types of a normal diploid cell. */
    static List<Integer> diploid(boolean male) {
        List<Integer> types = new ArrayList<>(46);
        for (int t = 0; t < 22; t++) {
            types.add(t);
            types.add(t);
        }
        types.add(X);
        types.add(male ? Y : X);
        return types;
    }

    private static float[][] buildProfiles() {
        float[][] profiles = new float[TYPES][];
        for (int type = 0; type < TYPES; type++) {
            profiles[type] = buildProfile(type, new SplittableRandom(0xBA4D + type));
        }
        return profiles;
    }

    /** Alternating dark and pale bands of realistic width in pixels, pale telomeres, a darker centromere. */
    private static float[] buildProfile(int type, SplittableRandom random) {
        double length = length(type);
        double centromere = CENTROMERE[type] * length;
        float[] raw = new float[PROFILE_SAMPLES];
        double position = 0;
        boolean dark = false;
        while (position < length) {
            double width = dark ? 1.5 + 5.5 * random.nextDouble() : 1.5 + 5.0 * random.nextDouble();
            double density;
            if (dark) {
                density = random.nextDouble() < 0.25 ? 0.55 + 0.15 * random.nextDouble()
                        : 0.8 + 0.2 * random.nextDouble();
            } else {
                density = 0.22 + 0.18 * random.nextDouble();
            }
            fill(raw, position / length, (position + width) / length, (float) density);
            position += width;
            dark = !dark;
        }
        fill(raw, 0, 1.5 / length, 0.3f);
        fill(raw, 1 - 1.5 / length, 1, 0.3f);
        fill(raw, (centromere - 1.2) / length, (centromere + 1.2) / length, 0.75f);
        if (CENTROMERE[type] < 0.2) {
            // Acrocentric: a pale stalk and a small dark satellite on the short arm.
            fill(raw, 0.02, 0.05, 0.55f);
            fill(raw, 0.05, centromere / length - 0.03, 0.2f);
        }
        return smooth(raw, 2);
    }

    private static void fill(float[] profile, double from, double to, float value) {
        int start = Math.max(0, (int) Math.round(from * PROFILE_SAMPLES));
        int end = Math.min(PROFILE_SAMPLES, (int) Math.round(to * PROFILE_SAMPLES));
        for (int i = start; i < end; i++) {
            profile[i] = value;
        }
    }

    private static float[] smooth(float[] profile, int radius) {
        float[] out = new float[profile.length];
        for (int i = 0; i < profile.length; i++) {
            float sum = 0;
            int n = 0;
            for (int k = Math.max(0, i - radius); k <= Math.min(profile.length - 1, i + radius); k++) {
                sum += profile[k];
                n++;
            }
            out[i] = sum / n;
        }
        return out;
    }
}
