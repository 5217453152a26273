package org.karyoloop.platform.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.platform.problem.Problem;

/** Answers the creation of a user whose name is taken with 409, so that a repeated setup can tell it apart. */
@Provider
public class UserExistsExceptionMapper implements ExceptionMapper<UserExistsException> {

    @Override
    public Response toResponse(UserExistsException e) {
        return Problem.of(Status.CONFLICT, "user-exists", "User exists", e.getMessage()).toResponse();
    }
}
