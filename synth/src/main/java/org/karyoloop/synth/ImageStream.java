package org.karyoloop.synth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Generates and encodes images {@code start .. start+count-1} on a few threads and hands them to a
 * consumer in index order; the bytes do not depend on the thread count. The consumer runs on the
 * calling thread.
 */
public final class ImageStream {

    private final GeneratorConfig config;
    private final ImageCodec.Format format;
    private final int threads;

    public ImageStream(GeneratorConfig config, ImageCodec.Format format, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.config = config;
        this.format = format;
        this.threads = threads;
    }

    public void run(long start, long count, Consumer<EncodedImage> consumer) {
        if (threads == 1) {
            SpreadGenerator generator = new SpreadGenerator(config);
            for (long i = start; i < start + count; i++) {
                consumer.accept(EncodedImage.of(generator.generate(i), format));
            }
            return;
        }
        ThreadLocal<SpreadGenerator> generators = ThreadLocal.withInitial(() -> new SpreadGenerator(config));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "synth-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<EncodedImage>> window = new ArrayDeque<>();
            long next = start;
            long end = start + count;
            while (next < end || !window.isEmpty()) {
                while (next < end && window.size() < 3 * threads) {
                    long index = next++;
                    window.add(pool.submit(() -> EncodedImage.of(generators.get().generate(index), format)));
                }
                consumer.accept(window.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating an image failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
