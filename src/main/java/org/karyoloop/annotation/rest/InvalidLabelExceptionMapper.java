package org.karyoloop.annotation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.annotation.InvalidLabelException;
import org.karyoloop.platform.problem.Problem;

/** Answers an unacceptable label or skip with 400. */
@Provider
public class InvalidLabelExceptionMapper implements ExceptionMapper<InvalidLabelException> {

    @Override
    public Response toResponse(InvalidLabelException e) {
        return Problem.of(Status.BAD_REQUEST, "invalid-label", "Invalid request", e.getMessage()).toResponse();
    }
}
