package org.karyoloop.training.engine;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The running mean of a block's parameters over the epochs added: stochastic weight averaging (Izmailov et al.,
 * "Averaging Weights Leads to Wider Optima and Better Generalization", 2018). Batch-norm running statistics are
 * parameters too and are averaged alike. Not thread-safe: one training run adds and applies.
 */
final class ParameterAverage {

    private final List<Parameter> parameters;
    private final List<double[]> sums = new ArrayList<>();
    private int count;

    ParameterAverage(Block block) {
        this.parameters = block.getParameters().values();
    }

    /** Adds the block's current parameters to the mean. */
    void add() {
        for (int p = 0; p < parameters.size(); p++) {
            float[] v = parameters.get(p).getArray().toFloatArray();
            if (count == 0) {
                sums.add(new double[v.length]);
            }
            double[] sum = sums.get(p);
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        count++;
    }

    /** How many times {@link #add} was called. */
    int count() {
        return count;
    }

    /** Sets the block's parameters to the mean of those added. */
    void apply() {
        if (count == 0) {
            throw new IllegalStateException("nothing was added to the average");
        }
        for (int p = 0; p < parameters.size(); p++) {
            double[] sum = sums.get(p);
            float[] mean = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                mean[i] = (float) (sum[i] / count);
            }
            parameters.get(p).getArray().set(mean);
        }
    }
}
