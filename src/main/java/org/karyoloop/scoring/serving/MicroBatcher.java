package org.karyoloop.scoring.serving;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.preprocess.SpreadTranslator;

/**
 * Micro-batching in front of one model: a bounded queue of prepared inputs and one inference thread
 * per predictor (a DJL Predictor is not thread-safe, so each thread creates, uses and closes its own).
 * A thread takes the oldest input and runs {@code batchPredict} when the batch is full, when the maximum
 * delay (counted from that input's arrival) has passed, or at once when no further input is on its way:
 * callers {@link #expect() announce} an input before they decode and preprocess it, so a lone image is
 * not held back for a batch that will not come, while under load the batches fill. Thread-safe: any thread
 * may submit; a full queue blocks the submitter up to a timeout, then rejects with
 * {@link ScoringQueueFullException}.
 */
final class MicroBatcher {

    private static final Logger LOG = Logger.getLogger(MicroBatcher.class);
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private record Pending(SpreadInput input, CompletableFuture<float[]> result, long enqueuedNanos) {
    }

    private final String version;
    private final Model model;
    private final SpreadTranslator translator;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final BlockingQueue<Pending> queue;
    private final BatchListener listener;
    private final List<Thread> threads = new ArrayList<>();
    /** Inputs announced and not yet submitted (being decoded and preprocessed, or waiting to be). */
    private final AtomicInteger coming = new AtomicInteger();
    private volatile boolean running = true;

    MicroBatcher(String version, Model model, SpreadTranslator translator, int maxBatch, Duration maxDelay,
            int capacity, BatchListener listener) {
        this.version = version;
        this.model = model;
        this.translator = translator;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.listener = listener;
    }

    /** Starts {@code predictors} inference threads, each warmed up before this returns. */
    void start(int predictors, int warmupBatches) throws InterruptedException {
        CountDownLatch warm = new CountDownLatch(predictors);
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < predictors; i++) {
            Thread t = new Thread(() -> run(warm, warmupBatches, failures), "infer-" + version + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        warm.await();
        if (!failures.isEmpty()) {
            close();
            throw failures.get(0);
        }
    }

    /** Announces an input on its way; it ends with {@link #submit} or, if the input never comes, {@link #withdraw}. */
    void expect() {
        coming.incrementAndGet();
    }

    /** An announced input will not be submitted. */
    void withdraw() {
        coming.decrementAndGet();
    }

    /** Queues one prepared input; the future completes with its class probabilities. */
    CompletableFuture<float[]> submit(SpreadInput input, Duration timeout, boolean announced)
            throws InterruptedException {
        if (announced) {
            coming.decrementAndGet();
        }
        Pending pending = new Pending(input, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(pending, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new ScoringQueueFullException("inference queue of " + version + " full for " + timeout);
        }
        return pending.result();
    }

    /** Stops taking work once the queue is empty, and waits for the threads (which close their predictors). */
    void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join();
        }
    }

    private void run(CountDownLatch warm, int warmupBatches, List<RuntimeException> failures) {
        try (Predictor<SpreadInput, float[]> predictor = model.newPredictor(translator)) {
            try {
                warmUp(predictor, warmupBatches);
            } catch (TranslateException | RuntimeException e) {
                failures.add(new IllegalStateException("warm-up of " + version + " failed: " + e, e));
                return;
            } finally {
                warm.countDown();
            }
            while (running || !queue.isEmpty()) {
                List<Pending> batch = nextBatch();
                if (!batch.isEmpty()) {
                    predict(predictor, batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Pending> nextBatch() throws InterruptedException {
        List<Pending> batch = new ArrayList<>(maxBatch);
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = first.enqueuedNanos() + maxDelayNanos;
        while (batch.size() < maxBatch) {
            Pending next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || coming.get() <= 0) {
                    break; // late enough, or nothing on its way: a smaller batch now beats waiting
                }
                // Short waits, so that a withdrawn announcement does not hold the batch to the deadline.
                next = queue.poll(Math.min(wait, RECHECK_NANOS), TimeUnit.NANOSECONDS);
                if (next == null) {
                    continue;
                }
            }
            batch.add(next);
        }
        return batch;
    }

    private void predict(Predictor<SpreadInput, float[]> predictor, List<Pending> batch) {
        long start = System.nanoTime();
        try {
            List<float[]> out = predictor.batchPredict(batch.stream().map(Pending::input).toList());
            listener.batchDone(version, batch.size(), System.nanoTime() - start);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(out.get(i));
            }
        } catch (TranslateException | RuntimeException e) {
            // The callers see the failure and retry; the thread keeps serving.
            LOG.warnf("batch of %d on %s failed: %s", batch.size(), version, e);
            listener.batchFailed(version, batch.size(), e);
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    private void warmUp(Predictor<SpreadInput, float[]> predictor, int batches) throws TranslateException {
        float[] blank = new float[(int) translator.inputShape().size()];
        List<SpreadInput> inputs = new ArrayList<>();
        for (int i = 0; i < maxBatch; i++) {
            inputs.add(SpreadInput.prepared(blank));
        }
        for (int b = 0; b < batches; b++) {
            predictor.batchPredict(inputs);
        }
    }
}
