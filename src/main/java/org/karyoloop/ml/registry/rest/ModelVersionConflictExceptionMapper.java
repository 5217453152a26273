package org.karyoloop.ml.registry.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.ml.registry.ModelVersionConflictException;
import org.karyoloop.platform.problem.Problem;

/** Answers a second registration of an existing version with 409 (versions are immutable). */
@Provider
public class ModelVersionConflictExceptionMapper implements ExceptionMapper<ModelVersionConflictException> {

    @Override
    public Response toResponse(ModelVersionConflictException e) {
        return Problem.of(Status.CONFLICT, "model-version-exists", "Model version exists", e.getMessage())
                .toResponse();
    }
}
