package org.karyoloop.ml.spread;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pure computation offered to an idle core (one of {@link #CORES} daemon threads, "measure-beside-N", that park
 * while they have nothing to do: the common fork-join pool's workers spin first, which cost a measurement of a
 * small image 15 % more CPU) while the caller goes on with other work;
 * when the caller needs the result and no core has taken it yet, the caller computes it itself, so nothing ever
 * waits for queued work. A measurement alone on a machine thus uses two cores, and one among as many measurements as
 * cores costs what it costs on one. The result is the same whichever thread computes it. Thread-safe.
 */
final class Beside<T> {

    /** Threads that take offered work: one fewer than the cores (at least one). */
    static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private static final ExecutorService IDLE_CORES = Executors.newFixedThreadPool(CORES, new ThreadFactory() {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "measure-beside-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private final FutureTask<T> task;

    private Beside(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Offers {@code work} to an idle core. */
    static <T> Beside<T> start(Callable<T> work) {
        Beside<T> beside = new Beside<>(work);
        IDLE_CORES.execute(beside.task);
        return beside;
    }

    /** The result: computed here unless a core has started it, else waited for. */
    T join() {
        task.run(); // a no-op when a core has started or finished it
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a measurement step finished on another core", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
