package org.karyoloop.rollout.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.karyoloop.events.Grade;
import org.karyoloop.events.ImageScored;
import org.karyoloop.events.LabelSubmitted;
import org.karyoloop.platform.messaging.Channels;
import org.karyoloop.rollout.persistence.EvidenceRepository;

/**
 * Turns images.scored (stable and canary arms) and labels.submitted (final labels) into the live
 * evidence the rollout policy judges. Blocking and transactional: each record's rows commit with its
 * offset processing; inserts are idempotent, so a redelivered record changes nothing. A record that
 * cannot be parsed goes to the topic's dead-letter topic (failure-strategy in configuration).
 */
@ApplicationScoped
public class RolloutEvidenceConsumer {

    private final EvidenceRepository evidence;
    private final ObjectMapper mapper;

    public RolloutEvidenceConsumer(EvidenceRepository evidence, ObjectMapper mapper) {
        this.evidence = evidence;
        this.mapper = mapper;
    }

    @Incoming(Channels.IMAGES_SCORED_ROLLOUT)
    @Blocking
    @Transactional
    public void onScored(String json) throws IOException {
        ImageScored scored = mapper.readValue(json, ImageScored.class);
        if (!scored.scored() || !("stable".equals(scored.arm()) || "canary".equals(scored.arm()))) {
            return;
        }
        evidence.recordScored(scored.imageId(), scored.modelName(), scored.modelVersion(), scored.arm(),
                scored.grade() == Grade.GOOD, scored.latencyMs(), scored.occurredAt());
    }

    @Incoming(Channels.LABELS_SUBMITTED_ROLLOUT)
    @Blocking
    @Transactional
    public void onLabel(String json) throws IOException {
        LabelSubmitted label = mapper.readValue(json, LabelSubmitted.class);
        if (label.finalLabel()) {
            evidence.recordLabel(label.imageId(), label.grade() == Grade.GOOD, label.occurredAt());
        }
    }
}
