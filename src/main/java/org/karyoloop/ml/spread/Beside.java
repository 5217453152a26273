package org.karyoloop.ml.spread;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pure step of a measurement offered to an idle core while the measuring thread goes on with other work. A core is
 * idle when fewer measurements are running ({@link #measuring}) than the machine has cores; then the step goes to one
 * of cores − 1 daemon threads ("measure-beside-N", parked while there is nothing to do). Otherwise, and whenever the
 * measuring thread needs the result before a core has taken the step, the measuring thread computes it itself: on a
 * full machine a measurement costs what it costs on one thread (offering steps to a third thread on two busy cores
 * cost the bare scoring loop a tenth of its images per second), and a measurement alone uses two cores. The result
 * is the same whichever thread computes it. Thread-safe.
 */
final class Beside<T> {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final ExecutorService IDLE_CORES = Executors.newFixedThreadPool(Math.max(1, CORES - 1),
            new ThreadFactory() {
                private final AtomicInteger next = new AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "measure-beside-" + next.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }
            });

    private final FutureTask<T> task;
    private boolean offered;

    private Beside(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** A running measurement, until closed. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks a measurement running until the returned handle is closed; steps are offered only while cores idle. */
    static Running measuring() {
        RUNNING.incrementAndGet();
        return RUNNING::decrementAndGet;
    }

    /** Offers {@code work} to an idle core if there is one; else it is computed by {@link #join}. */
    static <T> Beside<T> start(Callable<T> work) {
        Beside<T> beside = new Beside<>(work);
        if (CORES > 1 && RUNNING.get() < CORES) {
            beside.offered = true;
            IDLE_CORES.execute(beside.task);
        }
        return beside;
    }

    /** Whether the step was offered to an idle core (else only {@link #join} computes it). */
    boolean offered() {
        return offered;
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
