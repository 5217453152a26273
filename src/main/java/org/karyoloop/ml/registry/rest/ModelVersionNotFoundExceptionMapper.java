package org.karyoloop.ml.registry.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.ml.registry.ModelVersionNotFoundException;
import org.karyoloop.platform.problem.Problem;

/** Answers an unknown model version with 404. */
@Provider
public class ModelVersionNotFoundExceptionMapper implements ExceptionMapper<ModelVersionNotFoundException> {

    @Override
    public Response toResponse(ModelVersionNotFoundException e) {
        return Problem.of(Status.NOT_FOUND, "model-version-not-found", "Model version not found", e.getMessage())
                .toResponse();
    }
}
