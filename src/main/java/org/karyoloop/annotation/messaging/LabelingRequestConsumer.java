package org.karyoloop.annotation.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.karyoloop.annotation.TaskIntake;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterPublisher;
import org.karyoloop.platform.messaging.TopicsConfig;

/**
 * Consumes labeling.requests and creates one labeling task per request. Blocking, because it writes
 * to PostgreSQL; the task insert dedupes by the request's event id in the same transaction, so a
 * redelivery (at-least-once) is a no-op. A record that is not a {@link LabelingRequested} goes to
 * labeling.requests.dlq with its bytes; a database outage is retried with backoff. Records are handled
 * one at a time, in order (the worker thread is SmallRye's).
 */
@ApplicationScoped
public class LabelingRequestConsumer {

    private static final Logger LOG = Logger.getLogger(LabelingRequestConsumer.class);

    private final TaskIntake intake;
    private final ObjectMapper mapper;
    private final DeadLetterPublisher deadLetters;
    private final TopicsConfig topics;

    public LabelingRequestConsumer(TaskIntake intake, ObjectMapper mapper, DeadLetterPublisher deadLetters,
            TopicsConfig topics) {
        this.intake = intake;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.topics = topics;
    }

    @Incoming(Channels.LABELING_REQUESTS)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws SQLException {
        LabelingRequested request;
        try {
            request = mapper.readValue(record.value(), LabelingRequested.class);
            String wrong = TaskIntake.whatIsWrong(request);
            if (wrong != null) {
                throw new IOException(wrong);
            }
        } catch (IOException | RuntimeException e) {
            deadLetters.send(topics.labelingRequestsDlq(), record, "invalid-event", e.getMessage());
            return;
        }
        if (intake.accept(request) == null) {
            LOG.debugf("labeling request %s is a duplicate", request.eventId());
        }
    }
}
