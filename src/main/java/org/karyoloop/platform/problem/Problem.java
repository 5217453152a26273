package org.karyoloop.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per kind of problem
 * ({@code urn:karyoloop:problem:<code>}), {@code code} the same short code for programs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String code) {

    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem whose type is derived from {@code code}. */
    public static Problem of(Response.StatusType status, String code, String title, String detail) {
        return of(status.getStatusCode(), code, title, detail);
    }

    /** A problem with HTTP status {@code status} whose type is derived from {@code code}. */
    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(URI.create("urn:karyoloop:problem:" + code), title, status, detail, null, code);
    }

    /** This problem as a response with the problem+json media type. */
    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
