package org.karyoloop.ingest.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.imaging.RejectReason;
import org.karyoloop.platform.problem.Problem;

/** Answers an image that is not acceptable with a 4xx problem naming the reason. */
@Provider
public class ImageRejectedExceptionMapper implements ExceptionMapper<ImageRejectedException> {

    @Override
    public Response toResponse(ImageRejectedException e) {
        return Problem.of(status(e.reason()), e.reason().code(), "Image rejected", e.detail()).toResponse();
    }

    static Response.StatusType status(RejectReason reason) {
        return switch (reason) {
            case EMPTY -> Status.BAD_REQUEST;
            case TOO_MANY_BYTES, TOO_MANY_PIXELS -> Status.REQUEST_ENTITY_TOO_LARGE;
            case NOT_AN_IMAGE, UNSUPPORTED_FORMAT -> Status.UNSUPPORTED_MEDIA_TYPE;
            case TRUNCATED, CORRUPT -> UNPROCESSABLE_CONTENT;
        };
    }

    private static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Status.Family getFamily() {
            return Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
}
