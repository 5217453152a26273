package org.karyoloop.scoring.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jboss.logging.Logger;
import org.karyoloop.events.ModelServingChanged;
import org.karyoloop.events.RolloutStateChanged;

/**
 * Applies rollout states to this replica: loads and warms the versions a state names while traffic
 * stays on the current snapshot, swaps the whole {@link Routing} at once, then retires the versions no
 * longer named after their leased images finish. A version that fails to load is reported and its slot
 * keeps what it served before. Thread-safe: any thread may lease; {@link #apply} is serialised.
 */
public final class ModelSwitchboard implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ModelSwitchboard.class);

    private final ModelSource source;
    private final ServingListener listener;
    private final Duration drainTimeout;
    // Readers (routing one image) share the lock; a swap takes it exclusively, so routing times order by snapshot.
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ExecutorService retirer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-retirer");
        t.setDaemon(true);
        return t;
    });
    private volatile Routing current = Routing.empty();

    public ModelSwitchboard(ModelSource source, ServingListener listener, Duration drainTimeout) {
        this.source = source;
        this.listener = listener;
        this.drainTimeout = drainTimeout;
    }

    /** What this replica serves now. */
    public Routing current() {
        return current;
    }

    /** Routes one image and leases its versions; close the lease when done. */
    public Lease lease(UUID imageId) {
        lock.readLock().lock();
        try {
            Routing routing = current;
            Routing.Decision decision = routing.decide(imageId);
            // Versions of the current snapshot never retire: retirement starts only after they are swapped out.
            if (decision.primary() != null && !decision.primary().tryLease()) {
                throw new IllegalStateException("current version " + decision.primary().version() + " is retiring");
            }
            if (decision.shadow() != null && !decision.shadow().tryLease()) {
                throw new IllegalStateException("current version " + decision.shadow().version() + " is retiring");
            }
            return new Lease(decision, Instant.now(), routing.generation());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Makes {@code state} this replica's routing; returns once the swap is done (retirement continues). */
    public synchronized void apply(RolloutStateChanged state) throws InterruptedException {
        Routing old = current;
        Map<String, ServedModel> available = new HashMap<>();
        old.models().forEach(m -> available.put(m.version(), m));
        List<ServedModel> loaded = new ArrayList<>();
        String name = state.modelName();
        ServedModel stable = resolve(name, state.stableVersion(), Routing.STABLE, available, loaded, old.stable());
        ServedModel canary = resolve(name, state.canaryVersion(), Routing.CANARY, available, loaded, old.canary());
        ServedModel shadow = resolve(name, state.shadowVersion(), Routing.SHADOW, available, loaded, old.shadow());
        Routing next = new Routing(old.generation() + 1, state, stable, canary, state.canaryWeight(), shadow,
                state.shadowPercent());
        lock.writeLock().lock();
        try {
            current = next;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.infof("%s now serves stable=%s canary=%s (%d%%) shadow=%s (%d%%), generation %d", name,
                version(stable), version(canary), state.canaryWeight(), version(shadow), state.shadowPercent(),
                next.generation());
        for (ServedModel m : loaded) {
            listener.servingChanged(name, m.version(), armOf(next, m), ModelServingChanged.ACTIVATED, null);
        }
        for (ServedModel m : old.models()) {
            if (!next.models().contains(m)) {
                retirer.execute(() -> retire(name, m));
            }
        }
    }

    private ServedModel resolve(String name, String version, String arm, Map<String, ServedModel> available,
            List<ServedModel> loaded, ServedModel previous) throws InterruptedException {
        if (version == null) {
            return null;
        }
        ServedModel model = available.get(version);
        if (model != null) {
            return model;
        }
        try {
            model = source.load(name, version);
        } catch (ModelLoadException e) {
            LOG.warnf("cannot serve %s:%s as %s, keeping %s: %s", name, version, arm, version(previous),
                    e.getMessage());
            listener.servingChanged(name, version, arm, ModelServingChanged.LOAD_FAILED, e.getMessage());
            return previous;
        }
        available.put(version, model);
        loaded.add(model);
        return model;
    }

    private void retire(String name, ServedModel model) {
        try {
            model.retire(drainTimeout);
            listener.servingChanged(name, model.version(), null, ModelServingChanged.RETIRED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The version is closed either way; only the report is lost (e.g. the database went away).
            LOG.warnf("retired %s but could not report it: %s", model.version(), e);
        }
    }

    private static String armOf(Routing routing, ServedModel m) {
        return m == routing.stable() ? Routing.STABLE : m == routing.canary() ? Routing.CANARY : Routing.SHADOW;
    }

    private static String version(ServedModel m) {
        return m == null ? "none" : m.version();
    }

    /**
     * Retires everything (shutdown). The snapshot stays, so a late image fails to lease (its offset is
     * not committed and it is redelivered) rather than being passed on unscored.
     */
    @Override
    public synchronized void close() throws InterruptedException {
        if (retirer.isShutdown()) {
            return;
        }
        Routing last = current;
        for (ServedModel m : last.models()) {
            retirer.execute(() -> retire(last.state() == null ? "" : last.state().modelName(), m));
        }
        retirer.shutdown();
        retirer.awaitTermination(drainTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    }
}
