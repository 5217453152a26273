package org.karyoloop.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.karyoloop.events.ModelCandidateRegistered;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;
import org.karyoloop.training.persistence.TrainingJob;
import org.karyoloop.training.persistence.TrainingJob.Status;

/**
 * Records a job's success: one transaction marks the job SUCCEEDED with its metrics and stages
 * ModelCandidateRegistered on models.candidates, so the candidate is announced if and only if the job is
 * recorded. Thread-safe (stateless).
 */
@ApplicationScoped
public class CandidateRecorder {

    private static final Logger LOG = Logger.getLogger(CandidateRecorder.class);

    private final OutboxWriter outbox;
    private final TopicsConfig topics;
    private final ObjectMapper mapper;

    public CandidateRecorder(OutboxWriter outbox, TopicsConfig topics, ObjectMapper mapper) {
        this.outbox = outbox;
        this.topics = topics;
        this.mapper = mapper;
    }

    @Transactional
    public void record(UUID jobId, ModelVersionSpec version, CandidateReport report) {
        TrainingJob job = TrainingJob.findById(jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status != Status.RUNNING) {
            LOG.warnf("job %s ended meanwhile (%s); %s is registered but not announced", jobId,
                    job == null ? "gone" : job.status, version.id());
            return;
        }
        TrainingJobs.finish(job, Status.SUCCEEDED, report.eligible() ? "candidate " + version.version()
                : "candidate " + version.version() + " is not eligible: " + report.ineligibleBecause());
        job.modelVersion = version.version();
        job.eligible = report.eligible();
        job.metrics = json(report);
        outbox.stage(topics.modelsCandidates(), version.modelName(), new ModelCandidateRegistered(
                OutboxWriter.newEventId(), Instant.now(), ModelCandidateRegistered.SCHEMA_VERSION, version.modelName(),
                version.version(), jobId, version.parentVersion(), version.artifactSha256(), version.classes(),
                report.threshold(), report.targetPrecision(), report.eligible(), report.validation(),
                report.evaluation(), report.confusion(), report.epochs()));
        LOG.infof("job %s: candidate %s, threshold %.3f, eligible %s", jobId, version.id(), report.threshold(),
                report.eligible());
    }

    private String json(CandidateReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eligible", report.eligible());
        m.put("threshold", report.threshold());
        m.put("bestEpoch", report.bestEpoch());
        m.put("validation", report.validation());
        m.put("evaluation", report.evaluation());
        m.put("confusion", report.confusion());
        m.put("epochs", report.epochs());
        try {
            return mapper.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
