package org.karyoloop.training.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.karyoloop.training.persistence.TrainingJob;

/**
 * A training job as operators see it; {@code metrics} is the job's JSON report (epochs, calibration,
 * frozen evaluation), {@code coalesced} tells a requester that the request joined a pending job.
 */
public record TrainingJobView(UUID id, String modelName, String status, String trigger, String reason,
        String requestedBy, Instant requestedAt, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
        boolean cancelRequested, String modelVersion, Boolean eligible, @JsonRawValue String metrics, String detail,
        boolean coalesced) {

    public static TrainingJobView of(TrainingJob j, boolean coalesced) {
        return new TrainingJobView(j.id, j.modelName, j.status.name(), j.trigger, j.reason, j.requestedBy,
                j.requestedAt, j.startedAt, j.heartbeatAt, j.finishedAt, j.cancelRequested, j.modelVersion, j.eligible,
                j.metrics, j.detail, coalesced);
    }
}
