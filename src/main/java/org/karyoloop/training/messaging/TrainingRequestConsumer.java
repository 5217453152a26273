package org.karyoloop.training.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.TrainingRequested;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.training.TrainingJobs;
import org.karyoloop.training.TrainingWorker;

/**
 * Consumes training.requests: a request for a job this process already recorded just wakes the
 * worker; one produced elsewhere (another tool, a replayed topic) becomes a job, coalescing with a
 * pending one. Jobs themselves run on the worker thread, never on the consumer's, so a long job
 * never stalls the consumer group. Blocking (PostgreSQL); at-least-once, idempotent by job id; poison records go
 * to training.requests.dlq ({@link DeadLetterGuard}).
 */
@ApplicationScoped
public class TrainingRequestConsumer {

    private final DeadLetterGuard guard;
    private final TopicsConfig topics;
    private final TrainingJobs jobs;
    private final TrainingWorker worker;

    public TrainingRequestConsumer(DeadLetterGuard guard, TopicsConfig topics, TrainingJobs jobs, TrainingWorker worker) {
        this.guard = guard;
        this.topics = topics;
        this.jobs = jobs;
        this.worker = worker;
    }

    @Incoming(Channels.TRAINING_REQUESTS)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
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
