package org.karyoloop.platform.security;

import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers an anonymous call that {@code @RolesAllowed} refuses: 401, problem body, {@code WWW-Authenticate}. */
@Provider
public class UnauthorizedExceptionMapper implements ExceptionMapper<UnauthorizedException> {

    @Context
    HttpHeaders headers;

    @Inject
    SecurityConfig config;

    @Override
    public Response toResponse(UnauthorizedException e) {
        return Response.fromResponse(AuthProblems.unauthorized().toResponse()).header(HttpHeaders.WWW_AUTHENTICATE,
                AuthProblems.challenge(headers.getHeaderString(AuthProblems.PAGE_HEADER), config.mode())).build();
    }
}
