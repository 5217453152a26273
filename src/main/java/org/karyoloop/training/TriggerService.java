package org.karyoloop.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.karyoloop.training.TriggerPolicy.SourceDrift;
import org.karyoloop.training.persistence.TrainingData;

/**
 * Applies the {@link TriggerPolicy} to the current state (new labels since the last job, drift of each
 * source's background level since then against before) and requests a job when it says so; the
 * request coalesces with a pending one. Thread-safe (stateless; coalescing happens in the database).
 */
@ApplicationScoped
public class TriggerService {

    private static final Logger LOG = Logger.getLogger(TriggerService.class);

    private final TrainingConfig config;
    private final TrainingData data;
    private final TrainingJobs jobs;
    private final TriggerPolicy policy;

    public TriggerService(TrainingConfig config, TrainingData data, TrainingJobs jobs) {
        this.config = config;
        this.data = data;
        this.jobs = jobs;
        this.policy = new TriggerPolicy(config.minNewLabels(), config.maxInterval(), config.minLabelsForInterval(),
                config.driftPsi(), config.minDriftSamples());
    }

    /** Evaluates the whole policy (labels, interval, drift); returns the decision that requested a job, if any. */
    public Optional<TriggerPolicy.Decision> evaluate() {
        return evaluate(true);
    }

    /**
     * Evaluates the label and interval triggers only: cheap enough to run after every label (drift needs
     * a scan of training_image and runs on the worker's poll interval).
     */
    public Optional<TriggerPolicy.Decision> evaluateLabels() {
        return evaluate(false);
    }

    private Optional<TriggerPolicy.Decision> evaluate(boolean withDrift) {
        Instant last = jobs.lastJobAt(config.modelName()).orElse(null);
        Map<String, SourceDrift> drift = new HashMap<>();
        if (last != null && withDrift) {
            data.backgroundHistograms(last).forEach((source, h) -> drift.put(source,
                    new SourceDrift(PopulationStability.index(h[0], h[1]), sum(h[1]))));
        }
        TriggerPolicy.Snapshot snapshot = new TriggerPolicy.Snapshot((int) data.labelsSince(last), last,
                Instant.now(), drift);
        Optional<TriggerPolicy.Decision> decision = policy.evaluate(snapshot);
        decision.ifPresent(d -> {
            TrainingJobs.Requested r = jobs.request(config.modelName(), d.trigger(), d.reason(), "policy");
            if (!r.coalesced()) {
                LOG.infof("requested training job %s: %s", r.job().id, d.reason());
            }
        });
        return decision;
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }
}
