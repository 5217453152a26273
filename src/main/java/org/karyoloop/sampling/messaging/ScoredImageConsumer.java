package org.karyoloop.sampling.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.ImageScored;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.platform.messaging.DeadLetterPublisher;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.sampling.Sampler;

/**
 * Consumes images.scored in batches (diversity and budget are decided per batch) and samples them.
 * Blocking and ordered: one batch at a time on SmallRye's worker, offsets committed after the batch's
 * transaction (at least once; the sampler's tables make a redelivery request nothing twice). Records
 * that are not {@link ImageScored} go to images.scored.dlq with their bytes; a database outage is
 * retried with backoff.
 */
@ApplicationScoped
public class ScoredImageConsumer {

    private final Sampler sampler;
    private final ObjectMapper mapper;
    private final DeadLetterPublisher deadLetters;
    private final TopicsConfig topics;

    public ScoredImageConsumer(Sampler sampler, ObjectMapper mapper, DeadLetterPublisher deadLetters,
            TopicsConfig topics) {
        this.sampler = sampler;
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.topics = topics;
    }

    @Incoming(Channels.IMAGES_SCORED_SAMPLING)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, jitter = 100, maxDuration = 300_000)
    public void consume(ConsumerRecords<String, byte[]> records) throws SQLException {
        List<ImageScored> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ImageScored e = mapper.readValue(record.value(), ImageScored.class);
                if (e.eventId() == null || e.imageId() == null || e.sha256() == null) {
                    throw new IOException("eventId, imageId and sha256 are required");
                }
                batch.add(e);
            } catch (IOException | RuntimeException e) {
                deadLetters.send(topics.imagesScoredDlq(), record, "invalid-event", e.getMessage());
            }
        }
        sampler.sample(batch);
    }
}
