package org.karyoloop.training;

import java.util.UUID;
import org.karyoloop.platform.problem.ProblemException;

/** No training job with that id. */
public class TrainingJobNotFoundException extends ProblemException {

    public TrainingJobNotFoundException(UUID id) {
        super(Kind.NOT_FOUND, "training-job-not-found", "Training job not found", "no training job " + id);
    }
}
