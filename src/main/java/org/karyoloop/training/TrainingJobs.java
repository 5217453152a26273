package org.karyoloop.training;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.karyoloop.events.TrainingRequested;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;
import org.karyoloop.training.persistence.TrainingJob;
import org.karyoloop.training.persistence.TrainingJob.Status;

/**
 * The training job table's state machine: request (coalescing into a pending request, with a
 * TrainingRequested event in the same transaction), claim, heartbeat, cancel, finish, and the
 * watchdog that fails jobs whose heartbeat stopped. Thread-safe: every method is its own transaction,
 * and the unique indexes on training_job keep one REQUESTED and one RUNNING job per model even
 * across replicas.
 */
@ApplicationScoped
public class TrainingJobs {

    private final OutboxWriter outbox;
    private final TopicsConfig topics;

    public TrainingJobs(OutboxWriter outbox, TopicsConfig topics) {
        this.outbox = outbox;
        this.topics = topics;
    }

    /** A job and whether the request joined one that was already pending. */
    public record Requested(TrainingJob job, boolean coalesced) {
    }

    /** Requests a job, or joins the pending one. */
    public Requested request(String modelName, String trigger, String reason, String requestedBy) {
        for (int attempt = 0;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew()
                        .call(() -> requestInTx(modelName, trigger, reason, requestedBy));
            } catch (RuntimeException e) {
                // A concurrent request won the unique index: the retry finds and joins it.
                if (attempt > 0 || !isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private Requested requestInTx(String modelName, String trigger, String reason, String requestedBy) {
        Optional<TrainingJob> pending = TrainingJob.find("modelName = ?1 and status = ?2", modelName, Status.REQUESTED)
                .firstResultOptional();
        if (pending.isPresent()) {
            return new Requested(pending.get(), true);
        }
        TrainingJob job = new TrainingJob();
        job.id = UUID.randomUUID();
        job.modelName = modelName;
        job.status = Status.REQUESTED;
        job.trigger = trigger;
        job.reason = reason;
        job.requestedBy = requestedBy;
        job.requestedAt = Instant.now();
        job.persistAndFlush();
        outbox.stage(topics.trainingRequests(), modelName, new TrainingRequested(OutboxWriter.newEventId(),
                job.requestedAt, TrainingRequested.SCHEMA_VERSION, job.id, modelName, trigger, reason, requestedBy));
        return new Requested(job, false);
    }

    /** Marks the oldest pending job RUNNING for {@code worker}, unless one is already running. */
    public Optional<TrainingJob> claim(String modelName, String worker) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (TrainingJob.count("modelName = ?1 and status = ?2", modelName, Status.RUNNING) > 0) {
                    return Optional.<TrainingJob>empty();
                }
                Optional<TrainingJob> next = TrainingJob.<TrainingJob>find(
                        "modelName = ?1 and status = ?2 order by requestedAt", modelName, Status.REQUESTED)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
                next.ifPresent(job -> {
                    job.status = Status.RUNNING;
                    job.startedAt = Instant.now();
                    job.heartbeatAt = job.startedAt;
                    job.worker = worker;
                    job.flush();
                });
                return next;
            });
        } catch (RuntimeException e) {
            if (isConstraintViolation(e)) {
                return Optional.empty(); // another replica started one at the same moment
            }
            throw e;
        }
    }

    /** Writes the heartbeat of a running job; returns whether an operator asked to cancel it. */
    public boolean heartbeat(UUID jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = TrainingJob.findById(jobId);
            if (job == null || job.status != Status.RUNNING) {
                return true; // the watchdog failed it meanwhile: stop
            }
            job.heartbeatAt = Instant.now();
            return job.cancelRequested;
        });
    }

    /** Cancels a pending job at once, or asks a running one to stop. */
    public TrainingJob cancel(UUID jobId, String by) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = TrainingJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job == null) {
                throw new TrainingJobNotFoundException(jobId);
            }
            switch (job.status) {
                case REQUESTED -> finish(job, Status.CANCELLED, "cancelled by " + by + " before it started");
                case RUNNING -> job.cancelRequested = true;
                default -> throw new TrainingJobNotCancellableException(jobId, job.status.name());
            }
            return job;
        });
    }

    /** Ends a running job as FAILED or CANCELLED with a reason. */
    public void end(UUID jobId, Status status, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingJob job = TrainingJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job != null && job.status == Status.RUNNING) {
                finish(job, status, detail);
            }
        });
    }

    /** Fails RUNNING jobs whose heartbeat is older than {@code staleAfter}; returns how many. */
    public int failStale(Duration staleAfter) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.update(
                "status = ?1, finishedAt = ?2, detail = ?3 where status = ?4 and heartbeatAt < ?5", Status.FAILED,
                Instant.now(), "heartbeat stopped: the worker process died or hung", Status.RUNNING,
                Instant.now().minus(staleAfter)));
    }

    /** When the latest job that counts as "the last job" for the trigger policy was requested. */
    public Optional<Instant> lastJobAt(String modelName) {
        // A job that ended for want of usable labels counts as a job: the next one waits for new labels, instead of
        // every further label requesting a job that fails at once. A job that crashed or hung does not count, so the
        // next trigger retries it.
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>find(
                "modelName = ?1 and (status in ?2 or (status = ?3 and detail like ?4)) order by requestedAt desc",
                modelName, List.of(Status.REQUESTED, Status.RUNNING, Status.SUCCEEDED), Status.FAILED,
                NotEnoughLabelsException.DETAIL_PREFIX + "%").firstResultOptional().map(j -> j.requestedAt));
    }

    public Optional<TrainingJob> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>findByIdOptional(id));
    }

    public List<TrainingJob> recent(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>find("order by requestedAt desc")
                .page(0, limit).list());
    }

    static void finish(TrainingJob job, Status status, String detail) {
        job.status = status;
        job.finishedAt = Instant.now();
        job.detail = detail;
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t.getClass().getName().endsWith("PSQLException")
                    && String.valueOf(t.getMessage()).contains("training_job_one_")) {
                return true;
            }
        }
        return false;
    }
}
