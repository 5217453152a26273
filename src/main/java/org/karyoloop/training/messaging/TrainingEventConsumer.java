package org.karyoloop.training.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.events.TrainingRequested;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.training.TrainingJobs;
import org.karyoloop.training.TriggerService;
import org.karyoloop.training.TrainingWorker;
import org.karyoloop.training.persistence.TrainingData;

/**
 * What training consumes, one method per channel in training's own consumer group:
 * <ul>
 * <li>labels.submitted: records final labels (others are not trained on) and applies the trigger policy; the
 * label and its dedupe key (event id, label id) commit together, so a redelivery changes nothing;</li>
 * <li>images.ingested: records where each image's bytes are, its slide and its source's intensity statistics, for
 * data sets and drift; idempotent by image id;</li>
 * <li>training.requests: a request for a job this process already recorded just wakes the worker; one produced
 * elsewhere (another tool, a replayed topic) becomes a job, coalescing with a pending one. Jobs run on the worker
 * thread, never on the consumer's, so a long job never stalls the consumer group; idempotent by job id.</li>
 * </ul>
 * Blocking (PostgreSQL), one record at a time per channel on SmallRye's worker threads; at least once. Transient
 * failures are retried with backoff; poison records go to the topic's dead-letter topic ({@link DeadLetterGuard}).
 */
@ApplicationScoped
@Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
@ExponentialBackoff(maxDelay = 10_000)
public class TrainingEventConsumer {

    private final DeadLetterGuard guard;
    private final TopicsConfig topics;
    private final TrainingData data;
    private final TriggerService trigger;
    private final TrainingJobs jobs;
    private final TrainingWorker worker;

    public TrainingEventConsumer(DeadLetterGuard guard, TopicsConfig topics, TrainingData data, TriggerService trigger,
            TrainingJobs jobs, TrainingWorker worker) {
        this.guard = guard;
        this.topics = topics;
        this.data = data;
        this.trigger = trigger;
        this.jobs = jobs;
        this.worker = worker;
    }

    @Incoming(Channels.LABELS_SUBMITTED_TRAINING)
    @Blocking
    public void onLabel(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, LabelSubmitted.class, topics.labelsSubmittedDlq(), label -> {
            if (label.finalLabel() && data.recordLabel(label, Instant.now())) {
                trigger.evaluateLabels();
            }
        });
    }

    @Incoming(Channels.IMAGES_INGESTED_TRAINING)
    @Blocking
    public void onImage(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, ImageIngested.class, topics.imagesIngestedDlq(), data::recordImage);
    }

    @Incoming(Channels.TRAINING_REQUESTS)
    @Blocking
    public void onRequest(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, TrainingRequested.class, topics.trainingRequestsDlq(), this::accept);
    }

    private void accept(TrainingRequested request) {
        if (request.jobId() == null || jobs.find(request.jobId()).isEmpty()) {
            jobs.request(request.modelName(), request.trigger() == null ? "operator" : request.trigger(),
                    request.reason() == null ? "requested on training.requests" : request.reason(),
                    request.requestedBy() == null ? "unknown" : request.requestedBy());
        }
        worker.wakeUp();
    }
}
