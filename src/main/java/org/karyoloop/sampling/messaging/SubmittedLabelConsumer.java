package org.karyoloop.sampling.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterPublisher;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.sampling.Sampler;

/**
 * Consumes labels.submitted so sampling knows legacy labels (to review) and images doctors settled
 * (not to ask again). Blocking, one record at a time; the upsert is idempotent, so redelivery is
 * harmless. Records that are not {@link LabelSubmitted} go to labels.submitted.dlq.
 */
@ApplicationScoped
public class SubmittedLabelConsumer {

    private final Sampler sampler;
    private final ObjectMapper mapper;
    private final DeadLetterPublisher deadLetters;
    private final TopicsConfig topics;

    public SubmittedLabelConsumer(Sampler sampler, ObjectMapper mapper, DeadLetterPublisher deadLetters,
            TopicsConfig topics) {
        this.sampler = sampler;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.topics = topics;
    }

    @Incoming(Channels.LABELS_SUBMITTED_SAMPLING)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    public void consume(ConsumerRecord<String, byte[]> record) throws SQLException {
        LabelSubmitted label;
        try {
            label = mapper.readValue(record.value(), LabelSubmitted.class);
            if (label.eventId() == null || label.imageId() == null || label.grade() == null) {
                throw new IOException("eventId, imageId and grade are required");
            }
        } catch (IOException | RuntimeException e) {
            deadLetters.send(topics.labelsSubmittedDlq(), record, "invalid-event", e.getMessage());
            return;
        }
        sampler.noteLabel(label.imageId(), label.grade(), label.origin(), label.finalLabel(), label.eventId());
    }
}
