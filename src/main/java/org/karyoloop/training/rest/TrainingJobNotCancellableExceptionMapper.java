package org.karyoloop.training.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.platform.problem.Problem;
import org.karyoloop.training.TrainingJobNotCancellableException;

/** Answers cancelling a job that has already ended with 409. */
@Provider
public class TrainingJobNotCancellableExceptionMapper
        implements ExceptionMapper<TrainingJobNotCancellableException> {

    @Override
    public Response toResponse(TrainingJobNotCancellableException e) {
        return Problem.of(Status.CONFLICT, "training-job-not-cancellable", "Training job has ended", e.getMessage())
                .toResponse();
    }
}
