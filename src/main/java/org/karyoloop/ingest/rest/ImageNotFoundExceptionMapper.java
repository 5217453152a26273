package org.karyoloop.ingest.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.platform.problem.Problem;

/** Answers an unknown image id with 404. */
@Provider
public class ImageNotFoundExceptionMapper implements ExceptionMapper<ImageNotFoundException> {

    @Override
    public Response toResponse(ImageNotFoundException e) {
        return Problem.of(Status.NOT_FOUND, "image-not-found", "Image not found", e.getMessage()).toResponse();
    }
}
