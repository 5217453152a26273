package org.karyoloop.training.messaging;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.TrainingRequested;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.training.TrainingJobs;
import org.karyoloop.training.TrainingWorker;

/**
 * Consumes training.requests: a request for a job this process already recorded just wakes the
 * worker; one produced elsewhere (another tool, a replayed topic) becomes a job, coalescing with a
 * pending one. Jobs themselves run on the worker thread, never on the consumer's, so a long job
 * never stalls the consumer group. Blocking (PostgreSQL); at-least-once, idempotent by job id.
 */
@ApplicationScoped
public class TrainingRequestConsumer {

    private final EventReader reader;
    private final TrainingJobs jobs;
    private final TrainingWorker worker;

    public TrainingRequestConsumer(EventReader reader, TrainingJobs jobs, TrainingWorker worker) {
        this.reader = reader;
        this.jobs = jobs;
        this.worker = worker;
    }

    @Incoming(Channels.TRAINING_REQUESTS)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public void consume(ConsumerRecord<String, byte[]> record) {
        TrainingRequested request = reader.read(record, TrainingRequested.class);
        if (request.modelName() == null || request.modelName().isBlank()) {
            throw new PoisonEventException("TrainingRequested without modelName", null);
        }
        if (request.jobId() == null || jobs.find(request.jobId()).isEmpty()) {
            jobs.request(request.modelName(), request.trigger() == null ? "operator" : request.trigger(),
                    request.reason() == null ? "requested on training.requests" : request.reason(),
                    request.requestedBy() == null ? "unknown" : request.requestedBy());
        }
        worker.wakeUp();
    }
}
