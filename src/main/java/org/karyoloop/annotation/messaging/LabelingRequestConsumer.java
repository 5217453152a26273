package org.karyoloop.annotation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.karyoloop.annotation.TaskIntake;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterGuard;
import org.karyoloop.platform.messaging.EventReader;
import org.karyoloop.platform.messaging.PoisonRecordException;
import org.karyoloop.platform.messaging.TopicsConfig;

/**
 * Consumes labeling.requests and creates one labeling task per request. Blocking, because it writes
 * to PostgreSQL; the task insert dedupes by the request's event id in the same transaction, so a
 * redelivery (at-least-once) is a no-op. A record that is not a {@link LabelingRequested}, or one no task can be
 * made of ({@link TaskIntake#whatIsWrong}), goes to labeling.requests.dlq with its bytes ({@link DeadLetterGuard});
 * a database outage is retried with backoff.
 * Records are handled one at a time, in order (the worker thread is SmallRye's).
 */
@ApplicationScoped
public class LabelingRequestConsumer {

    private static final Logger LOG = Logger.getLogger(LabelingRequestConsumer.class);

    private final TaskIntake intake;
    private final DeadLetterGuard guard;
    private final TopicsConfig topics;

    public LabelingRequestConsumer(TaskIntake intake, DeadLetterGuard guard, TopicsConfig topics) {
        this.intake = intake;
        this.guard = guard;
        this.topics = topics;
    }

    @Incoming(Channels.LABELING_REQUESTS)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        guard.consume(record, LabelingRequested.class, topics.labelingRequestsDlq(), request -> {
            String wrong = TaskIntake.whatIsWrong(request);
            if (wrong != null) {
                throw new PoisonRecordException(EventReader.INVALID_EVENT, wrong);
            }
            if (intake.accept(request) == null) {
                LOG.debugf("labeling request %s is a duplicate", request.eventId());
            }
        });
    }
}
