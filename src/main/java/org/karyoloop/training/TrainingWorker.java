package org.karyoloop.training;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.karyoloop.platform.audit.LogText;
import org.karyoloop.training.persistence.TrainingJob;

/**
 * Runs training jobs one at a time: on a wake-up (a request arrived) and every poll interval it fails
 * stale jobs (watchdog), applies the trigger policy, then claims and runs pending jobs; while a job
 * runs, a second thread writes its heartbeat and picks up cancellation. Thread-safety: jobs run only
 * on the single worker thread; {@link #wakeUp()} may be called from any thread.
 */
@ApplicationScoped
public class TrainingWorker {

    private static final Logger LOG = Logger.getLogger(TrainingWorker.class);

    private final TrainingConfig config;
    private final TrainingJobs jobs;
    private final TriggerService trigger;
    private final TrainingJobRunner runner;
    private final boolean roleEnabled;
    private final String name;
    private ScheduledExecutorService worker;
    private ScheduledExecutorService heartbeats;

    public TrainingWorker(TrainingConfig config, TrainingJobs jobs, TriggerService trigger, TrainingJobRunner runner,
            @ConfigProperty(name = "karyoloop.role.training") boolean roleEnabled) {
        this.config = config;
        this.jobs = jobs;
        this.trigger = trigger;
        this.runner = runner;
        this.roleEnabled = roleEnabled;
        this.name = hostName() + "/" + ProcessHandle.current().pid();
    }

    void onStart(@Observes StartupEvent event) {
        if (!roleEnabled || !config.workerEnabled()) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "training-worker"));
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "training-heartbeat"));
        long period = config.pollInterval().toMillis();
        worker.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
            heartbeats.shutdownNow();
        }
    }

    /** Asks the worker to look for pending jobs now. */
    public void wakeUp() {
        if (worker != null && !worker.isShutdown()) {
            worker.execute(this::drain);
        }
    }

    private void tick() {
        try {
            int failed = jobs.failStale(config.staleAfter());
            if (failed > 0) {
                LOG.warnf("marked %d training job(s) FAILED: heartbeat older than %s", failed, config.staleAfter());
            }
            trigger.evaluate();
            drain();
        } catch (RuntimeException e) {
            LOG.error("training worker round failed; retrying next round", e);
        }
    }

    /** Claims and runs pending jobs until none is left; returns the last job run. */
    public Optional<TrainingJob> drain() {
        Optional<TrainingJob> last = Optional.empty();
        for (Optional<TrainingJob> job = jobs.claim(config.modelName(), name); job
                .isPresent(); job = jobs.claim(config.modelName(), name)) {
            runWithHeartbeat(job.get());
            last = job;
        }
        return last;
    }

    private void runWithHeartbeat(TrainingJob job) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledExecutorService beats = heartbeats != null ? heartbeats
                : Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "training-heartbeat"));
        long period = config.heartbeatInterval().toMillis();
        ScheduledFuture<?> beat = beats.scheduleWithFixedDelay(() -> {
            try {
                if (jobs.heartbeat(job.id)) {
                    cancelled.set(true);
                }
            } catch (RuntimeException e) {
                LOG.warn("heartbeat failed; the next one retries", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        try {
            LOG.infof("running training job %s (%s: %s)", job.id, job.trigger, LogText.quoted(job.reason));
            runner.run(job, cancelled::get);
        } finally {
            beat.cancel(false);
            if (beats != heartbeats) {
                beats.shutdownNow();
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
