package org.karyoloop.platform.security;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a signed-in caller whose roles {@code @RolesAllowed} refuses: 403 with a problem body. */
@Provider
public class ForbiddenExceptionMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException e) {
        return AuthProblems.forbidden().toResponse();
    }
}
