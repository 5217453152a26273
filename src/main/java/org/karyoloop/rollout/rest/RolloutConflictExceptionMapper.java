package org.karyoloop.rollout.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.platform.problem.Problem;
import org.karyoloop.rollout.RolloutConflictException;

/** Answers a rollout action that does not fit the current state with 409 and why. */
@Provider
public class RolloutConflictExceptionMapper implements ExceptionMapper<RolloutConflictException> {

    @Override
    public Response toResponse(RolloutConflictException e) {
        return Problem.of(Status.CONFLICT, "rollout-conflict", "Rollout action not possible", e.getMessage())
                .toResponse();
    }
}
