package org.karyoloop.training;

import java.util.UUID;

/** The job has already ended and cannot be cancelled. */
public class TrainingJobNotCancellableException extends RuntimeException {

    public TrainingJobNotCancellableException(UUID id, String status) {
        super("training job " + id + " is " + status + " and can no longer be cancelled");
    }
}
