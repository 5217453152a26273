package org.karyoloop.rollout.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.platform.problem.Problem;
import org.karyoloop.rollout.RolloutNotFoundException;

/** Answers a read of an unknown model's rollout with 404 (reads never create rollouts). */
@Provider
public class RolloutNotFoundExceptionMapper implements ExceptionMapper<RolloutNotFoundException> {

    @Override
    public Response toResponse(RolloutNotFoundException e) {
        return Problem.of(Status.NOT_FOUND, "rollout-not-found", "Rollout not found", e.getMessage()).toResponse();
    }
}
