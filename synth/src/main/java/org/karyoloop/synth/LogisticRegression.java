package org.karyoloop.synth;

/** L2-regularised logistic regression by full-batch gradient descent on standardised features: the audit's naive model. */
final class LogisticRegression {

    private final double[] means;
    private final double[] scales;
    private final double[] weights;
    private double bias;

    private LogisticRegression(int features) {
        means = new double[features];
        scales = new double[features];
        weights = new double[features];
    }

    static LogisticRegression fit(double[][] x, boolean[] y, double l2, int iterations) {
        int n = x.length;
        int d = x[0].length;
        LogisticRegression model = new LogisticRegression(d);
        for (int j = 0; j < d; j++) {
            double s = 0;
            double s2 = 0;
            for (double[] row : x) {
                s += row[j];
                s2 += row[j] * row[j];
            }
            model.means[j] = s / n;
            double variance = s2 / n - model.means[j] * model.means[j];
            model.scales[j] = variance > 1e-18 ? 1 / Math.sqrt(variance) : 0;
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = model.standardise(x[i]);
        }
        double rate = 0.5;
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[d];
            double gradBias = 0;
            for (int i = 0; i < n; i++) {
                double error = model.probability(z[i]) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    grad[j] += error * z[i][j];
                }
                gradBias += error;
            }
            for (int j = 0; j < d; j++) {
                model.weights[j] -= rate * (grad[j] / n + l2 * model.weights[j]);
            }
            model.bias -= rate * gradBias / n;
        }
        return model;
    }

    double score(double[] features) {
        return probability(standardise(features));
    }

    private double[] standardise(double[] features) {
        double[] z = new double[features.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (features[j] - means[j]) * scales[j];
        }
        return z;
    }

    private double probability(double[] z) {
        double t = bias;
        for (int j = 0; j < z.length; j++) {
            t += weights[j] * z[j];
        }
        return 1 / (1 + Math.exp(-t));
    }
}
