package org.karyoloop.training;

import java.util.UUID;
import org.karyoloop.platform.problem.ProblemException;

/** The job has already ended and cannot be cancelled. */
public class TrainingJobNotCancellableException extends ProblemException {

    public TrainingJobNotCancellableException(UUID id, String status) {
        super(Kind.CONFLICT, "training-job-not-cancellable", "Training job has ended",
                "training job " + id + " is " + status + " and can no longer be cancelled");
    }
}
