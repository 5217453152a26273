package org.karyoloop.ml.registry.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.ml.registry.ModelArtifactRejectedException;
import org.karyoloop.platform.problem.Problem;

/** Answers a refused model registration: 400 for bad metadata, 422 for an artifact that fails verification. */
@Provider
public class ModelArtifactRejectedExceptionMapper implements ExceptionMapper<ModelArtifactRejectedException> {

    // JAX-RS has no constant for 422.
    private static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    @Override
    public Response toResponse(ModelArtifactRejectedException e) {
        boolean metadata = e.reason() == ModelArtifactRejectedException.Reason.INVALID_METADATA;
        return Problem.of(metadata ? Status.BAD_REQUEST : UNPROCESSABLE_CONTENT, e.reason().code(),
                metadata ? "Invalid model metadata" : "Model artifact refused", e.getMessage()).toResponse();
    }
}
