package org.karyoloop.training.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws training batches with replacement: with balancing, every class present is drawn equally
 * often (GOOD is 2-6% of spreads and would otherwise barely be seen); without, uniformly over
 * examples. Not thread-safe.
 */
final class BatchSampler {

    private final List<List<Example>> byClass = new ArrayList<>();
    private final List<Example> all;
    private final boolean balanced;
    private final SplittableRandom random;

    BatchSampler(List<Example> examples, boolean balanced, SplittableRandom random) {
        this.all = examples;
        this.balanced = balanced;
        this.random = random;
        for (int c = 0; c < SpreadTrainer.CLASSES.size(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (Example e : examples) {
            byClass.get(e.label()).add(e);
        }
        byClass.removeIf(List::isEmpty);
    }

    List<Example> next(int size) {
        List<Example> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            List<Example> pool = balanced ? byClass.get(random.nextInt(byClass.size())) : all;
            batch.add(pool.get(random.nextInt(pool.size())));
        }
        return batch;
    }
}
