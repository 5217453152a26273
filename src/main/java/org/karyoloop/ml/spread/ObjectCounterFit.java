package org.karyoloop.ml.spread;

import java.util.List;

/**
 * Fits an {@link ObjectCounter} to chromosome bodies whose chromosome count is known (from expert karyotype masks):
 * standardised features, multinomial logistic regression by full-batch gradient descent with a small L2 penalty.
 * Deterministic. Not thread-safe (use one per fit).
 */
public final class ObjectCounterFit {

    /** Gradient steps. */
    static final int STEPS = 3000;
    /** Step size. */
    static final double RATE = 0.5;
    /** L2 penalty on the weights. */
    static final double L2 = 1e-3;

    private ObjectCounterFit() {
    }

    /** The model fitted to {@code features} (one row per body) and {@code truth} (chromosomes per body). */
    public static ObjectCounter fit(List<double[]> features, List<Integer> truth) {
        int n = features.size();
        int f = ObjectCounter.FEATURES.size();
        int k = ObjectCounter.CLASSES;
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (double[] x : features) {
            for (int j = 0; j < f; j++) {
                mean[j] += x[j] / n;
            }
        }
        for (double[] x : features) {
            for (int j = 0; j < f; j++) {
                scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < f; j++) {
            scale[j] = Math.sqrt(scale[j]) + 1e-9;
        }
        double[][] z = new double[n][f + 1];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < f; j++) {
                z[i][j + 1] = (features.get(i)[j] - mean[j]) / scale[j];
            }
            y[i] = Math.min(k - 1, truth.get(i));
        }
        double[][] w = new double[f + 1][k];
        double[][] grad = new double[f + 1][k];
        double[] p = new double[k];
        for (int step = 0; step < STEPS; step++) {
            for (double[] g : grad) {
                java.util.Arrays.fill(g, 0);
            }
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double acc = 0;
                    for (int j = 0; j <= f; j++) {
                        acc += w[j][c] * z[i][j];
                    }
                    p[c] = acc;
                    max = Math.max(max, acc);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    p[c] = Math.exp(p[c] - max);
                    sum += p[c];
                }
                for (int c = 0; c < k; c++) {
                    double err = p[c] / sum - (c == y[i] ? 1 : 0);
                    for (int j = 0; j <= f; j++) {
                        grad[j][c] += err * z[i][j];
                    }
                }
            }
            for (int j = 0; j <= f; j++) {
                for (int c = 0; c < k; c++) {
                    w[j][c] -= RATE * (grad[j][c] / n + L2 * w[j][c]);
                }
            }
        }
        return new ObjectCounter(mean, scale, w);
    }
}
