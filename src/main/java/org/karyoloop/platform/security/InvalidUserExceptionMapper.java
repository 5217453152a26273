package org.karyoloop.platform.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.platform.problem.Problem;

/** Answers a user that cannot be created with 400. */
@Provider
public class InvalidUserExceptionMapper implements ExceptionMapper<InvalidUserException> {

    @Override
    public Response toResponse(InvalidUserException e) {
        return Problem.of(Status.BAD_REQUEST, "invalid-user", "User not created", e.getMessage()).toResponse();
    }
}
