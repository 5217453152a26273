package org.karyoloop.annotation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.annotation.LabelingConflictException;
import org.karyoloop.platform.problem.Problem;

/** Answers a lease that is not the caller's, or an item another doctor labelled, with 409. */
@Provider
public class LabelingConflictExceptionMapper implements ExceptionMapper<LabelingConflictException> {

    @Override
    public Response toResponse(LabelingConflictException e) {
        return Problem.of(Status.CONFLICT, e.code().code(), "Conflict", e.getMessage()).toResponse();
    }
}
