package org.karyoloop.ml.preprocess;

/**
 * The lab's "automask": pixels near the background level become white, foreground is expressed
 * relative to the background, and foreground components larger than a share of the image (nuclei,
 * blood cells) are removed, so neither background tone nor large round cells reach the model.
 * Stateless; thread-safe.
 */
final class BackgroundMask {

    private BackgroundMask() {
    }

    /** Masks {@code v} (w x h, 0..1, modified in place). */
    static void apply(float[] v, int w, int h, double maskDelta, double maxBlobFraction) {
        // Chromosomes cover a small share of a spread, so the median is background.
        float background = Math.max(1f / 255f, Histogram.of(v).percentile(50));
        float threshold = background - (float) maskDelta;
        boolean[] foreground = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < threshold) {
                foreground[i] = true;
                v[i] = Math.min(1f, v[i] / background);
            } else {
                v[i] = 1f;
            }
        }
        removeLargeComponents(v, foreground, w, h, (int) Math.ceil(maxBlobFraction * v.length));
    }

    /** Flood-fills 4-connected foreground components; those over {@code maxArea} pixels become background. */
    private static void removeLargeComponents(float[] v, boolean[] foreground, int w, int h, int maxArea) {
        boolean[] seen = new boolean[v.length];
        int[] stack = new int[v.length];
        int[] component = new int[v.length];
        for (int start = 0; start < v.length; start++) {
            if (!foreground[start] || seen[start]) {
                continue;
            }
            int top = 0;
            int size = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                component[size++] = p;
                int x = p % w;
                int y = p / w;
                top = push(foreground, seen, stack, top, x > 0 ? p - 1 : -1);
                top = push(foreground, seen, stack, top, x < w - 1 ? p + 1 : -1);
                top = push(foreground, seen, stack, top, y > 0 ? p - w : -1);
                top = push(foreground, seen, stack, top, y < h - 1 ? p + w : -1);
            }
            if (size > maxArea) {
                for (int i = 0; i < size; i++) {
                    v[component[i]] = 1f;
                }
            }
        }
    }

    private static int push(boolean[] foreground, boolean[] seen, int[] stack, int top, int p) {
        if (p >= 0 && foreground[p] && !seen[p]) {
            seen[p] = true;
            stack[top++] = p;
        }
        return top;
    }
}
