package org.karyoloop.annotation;

import java.util.List;
import org.karyoloop.events.Grade;

/** Cohen's kappa of two raters over paired grades: agreement beyond what chance would give. */
public final class CohensKappa {

    private CohensKappa() {
    }

    /** One item graded by both raters. */
    public record Pair(Grade first, Grade second) {
    }

    /**
     * Kappa of the pairs, or NaN when there are none; 1 when both raters always use the same single
     * grade (perfect agreement, no chance term to beat).
     */
    public static double of(List<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return Double.NaN;
        }
        int k = Grade.values().length;
        double[] a = new double[k];
        double[] b = new double[k];
        double agree = 0;
        for (Pair p : pairs) {
            a[p.first().ordinal()]++;
            b[p.second().ordinal()]++;
            if (p.first() == p.second()) {
                agree++;
            }
        }
        double po = agree / n;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            pe += (a[i] / n) * (b[i] / n);
        }
        if (pe >= 1.0) {
            return po >= 1.0 ? 1.0 : 0.0;
        }
        return (po - pe) / (1 - pe);
    }
}
