package org.karyoloop.training.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.platform.problem.Problem;
import org.karyoloop.training.TrainingJobNotFoundException;

/** Answers an unknown training job (or a plot it does not have) with 404. */
@Provider
public class TrainingJobNotFoundExceptionMapper implements ExceptionMapper<TrainingJobNotFoundException> {

    @Override
    public Response toResponse(TrainingJobNotFoundException e) {
        return Problem.of(Status.NOT_FOUND, "training-job-not-found", "Training job not found", e.getMessage())
                .toResponse();
    }
}
