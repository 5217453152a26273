package org.karyoloop.scoring.serving;

import java.time.Duration;

/**
 * How each served version batches and how many predictors it runs.
 *
 * @param maxBatch largest micro-batch
 * @param maxDelay longest wait for a batch to fill, from its first image's arrival; only while announced images are
 *                 on their way
 * @param queueCapacity bound of the inference queue
 * @param predictors inference threads, one predictor each
 * @param warmupBatches full batches run through each predictor before it takes traffic
 */
public record ServingSettings(int maxBatch, Duration maxDelay, int queueCapacity, int predictors,
        int warmupBatches) {

    public ServingSettings {
        if (maxBatch < 1 || queueCapacity < 1 || predictors < 1 || warmupBatches < 0) {
            throw new IllegalArgumentException("maxBatch, queueCapacity and predictors must be >= 1");
        }
    }
}
