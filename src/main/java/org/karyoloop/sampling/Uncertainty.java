package org.karyoloop.sampling;

import java.util.Arrays;
import java.util.Map;

/** Uncertainty measures over a model's grade probabilities, each 0 (certain) .. 1 (maximally unsure). */
public final class Uncertainty {

    private Uncertainty() {
    }

    /** 1 − (p₁ − p₂): small when the top grade clearly wins. */
    public static double margin(Map<String, Double> probabilities) {
        double[] p = sortedDescending(probabilities);
        if (p.length == 0) {
            return 1.0;
        }
        return 1.0 - (p[0] - (p.length > 1 ? p[1] : 0.0));
    }

    /** Shannon entropy divided by its maximum (ln of the number of grades). */
    public static double entropy(Map<String, Double> probabilities) {
        double[] p = sortedDescending(probabilities);
        if (p.length < 2) {
            return p.length == 0 ? 1.0 : 0.0;
        }
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return Math.min(1.0, h / Math.log(p.length));
    }

    /** 1 at the calibrated GOOD threshold, falling linearly to 0 at {@code width} from it. */
    public static double thresholdDistance(double pGood, double threshold, double width) {
        return Math.max(0.0, 1.0 - Math.abs(pGood - threshold) / width);
    }

    private static double[] sortedDescending(Map<String, Double> probabilities) {
        double[] p = probabilities.values().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(p);
        for (int i = 0; i < p.length / 2; i++) {
            double t = p[i];
            p[i] = p[p.length - 1 - i];
            p[p.length - 1 - i] = t;
        }
        return p;
    }
}
