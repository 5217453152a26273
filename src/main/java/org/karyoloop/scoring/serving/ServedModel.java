package org.karyoloop.scoring.serving;

import ai.djl.Model;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.ml.GradeRule;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.preprocess.SpreadTranslator;
import org.karyoloop.ml.registry.ModelVersionSpec;

/**
 * One loaded, warmed model version and its micro-batcher. Callers hold a lease while they use it; a
 * retired version takes no new leases, finishes the leased images, then closes its predictors and
 * model (freeing native memory). Thread-safe.
 */
public final class ServedModel {

    private static final Logger LOG = Logger.getLogger(ServedModel.class);

    private final ModelVersionSpec spec;
    private final Model model;
    private final SpreadTranslator translator;
    private final GradeRule gradeRule;
    private final MicroBatcher batcher;
    private final AtomicInteger leases = new AtomicInteger();
    private volatile boolean retiring;

    private ServedModel(ModelVersionSpec spec, Model model, MicroBatcher batcher, SpreadTranslator translator) {
        this.spec = spec;
        this.model = model;
        this.batcher = batcher;
        this.translator = translator;
        this.gradeRule = spec.gradeRule();
    }

    /** Starts serving {@code model} (already loaded) once every predictor is warm; closes the model on failure. */
    public static ServedModel start(ModelVersionSpec spec, Model model, ServingSettings settings,
            BatchListener listener) throws InterruptedException {
        SpreadTranslator translator = spec.translator();
        MicroBatcher batcher = new MicroBatcher(spec.version(), model, translator, settings.maxBatch(),
                settings.maxDelay(), settings.queueCapacity(), listener);
        try {
            batcher.start(settings.predictors(), settings.warmupBatches());
        } catch (RuntimeException | InterruptedException e) {
            model.close();
            throw e;
        }
        return new ServedModel(spec, model, batcher, translator);
    }

    public ModelVersionSpec spec() {
        return spec;
    }

    public String version() {
        return spec.version();
    }

    public GradeRule gradeRule() {
        return gradeRule;
    }

    /** Takes a lease, unless the version is retiring. */
    boolean tryLease() {
        leases.incrementAndGet();
        if (retiring) {
            leases.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        if (leases.decrementAndGet() == 0 && retiring) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Preprocesses with this version's recipe (on the caller's thread, in parallel with inference). */
    public SpreadInput prepare(DecodedImage image) {
        return translator.prepare(image);
    }

    /** Class probabilities of a prepared input; blocks while the queue is full (back-pressure). */
    public float[] predict(SpreadInput input, Duration submitTimeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return await(batcher.submit(input, submitTimeout, false), submitTimeout);
    }

    /**
     * Announces an input for this version before it is decoded and preprocessed, so that the micro-batcher waits
     * for it rather than run a smaller batch without it (and runs at once when nothing is announced).
     */
    public Expected expect() {
        batcher.expect();
        return new Expected();
    }

    /** An announced input: predicted once with {@link #predict}, or withdrawn on close. Used by one thread. */
    public final class Expected implements AutoCloseable {

        private boolean pending = true;

        private Expected() {
        }

        /** As {@link ServedModel#predict}, for the announced input. */
        public float[] predict(SpreadInput input, Duration submitTimeout)
                throws InterruptedException, ExecutionException, TimeoutException {
            if (!pending) {
                throw new IllegalStateException("this announced input was submitted or withdrawn already");
            }
            pending = false;
            return await(batcher.submit(input, submitTimeout, true), submitTimeout);
        }

        /** Withdraws the announcement unless the input was submitted. */
        @Override
        public void close() {
            if (pending) {
                pending = false;
                batcher.withdraw();
            }
        }
    }

    private static float[] await(CompletableFuture<float[]> result, Duration submitTimeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return result.get(submitTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /** Stops new leases, waits up to {@code drainTimeout} for the leased images, then closes everything. */
    void retire(Duration drainTimeout) throws InterruptedException {
        retiring = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        synchronized (this) {
            long left;
            while (leases.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        if (leases.get() > 0) {
            LOG.warnf("%s still had %d images in flight after %s; closing anyway", spec.id(), leases.get(),
                    drainTimeout);
        }
        batcher.close();
        model.close();
        LOG.infof("retired %s", spec.id());
    }
}
