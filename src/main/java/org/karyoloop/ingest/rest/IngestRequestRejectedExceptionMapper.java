package org.karyoloop.ingest.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.ingest.IngestRequestRejectedException;
import org.karyoloop.platform.problem.Problem;

/** Answers unacceptable ingest metadata with 400, a reused idempotency key with 409. */
@Provider
public class IngestRequestRejectedExceptionMapper implements ExceptionMapper<IngestRequestRejectedException> {

    @Override
    public Response toResponse(IngestRequestRejectedException e) {
        Status status = e.reason() == IngestRequestRejectedException.Reason.IDEMPOTENCY_KEY_REUSED
                ? Status.CONFLICT
                : Status.BAD_REQUEST;
        return Problem.of(status, e.reason().code(), "Ingest request rejected", e.detail()).toResponse();
    }
}
