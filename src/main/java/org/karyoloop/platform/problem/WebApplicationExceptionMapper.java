package org.karyoloop.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * Turns the framework's own HTTP errors (unknown path, wrong method, unsupported media type,
 * unreadable body) into problem+json, so every 4xx of the API has the same shape.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String code = status.getReasonPhrase() == null ? "http-" + status.getStatusCode()
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Problem(java.net.URI.create("urn:karyoloop:problem:" + code), status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), null, code).toResponse();
    }
}
