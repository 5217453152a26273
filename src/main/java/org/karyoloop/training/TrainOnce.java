package org.karyoloop.training;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.outbox.OutboxRelay;
import org.karyoloop.training.persistence.TrainingJob;

/**
 * {@code train --once [reason]}: requests a job (joining a pending one), runs it in this process,
 * publishes its events from the outbox, and exits 0 if it succeeded, 1 otherwise. For a Kubernetes
 * Job from the same image as the service. Runs on the main thread only.
 */
public class TrainOnce implements QuarkusApplication {

    /** Channels switched off in this mode. */
    public static final List<String> CHANNELS = List.of(Channels.TRAINING_REQUESTS,
            Channels.LABELS_SUBMITTED_TRAINING, Channels.IMAGES_INGESTED_TRAINING);

    private static final Logger LOG = Logger.getLogger(TrainOnce.class);

    @Inject
    TrainingJobs jobs;

    @Inject
    TrainingWorker worker;

    @Inject
    TrainingConfig config;

    @Inject
    OutboxRelay relay;

    @Override
    public int run(String... args) {
        String reason = args.length > 2 ? String.join(" ", List.of(args).subList(2, args.length))
                : "one-shot command";
        TrainingJobs.Requested requested = jobs.request(config.modelName(), "once", reason, "command");
        Optional<TrainingJob> ran = worker.drain();
        publishOutbox();
        TrainingJob job = jobs.find(requested.job().id).orElseThrow();
        LOG.infof("training job %s ended %s: %s", job.id, job.status, job.detail);
        return ran.isPresent() && job.status == TrainingJob.Status.SUCCEEDED ? 0 : 1;
    }

    /** Publishes what the job staged before the process exits (the relay thread may not have run yet). */
    private void publishOutbox() {
        try {
            while (relay.relayOnce() > 0) {
                LOG.debug("published a batch of outbox events");
            }
        } catch (Exception e) {
            LOG.warn("outbox not fully published; the next process with a relay publishes the rest", e);
        }
    }
}
