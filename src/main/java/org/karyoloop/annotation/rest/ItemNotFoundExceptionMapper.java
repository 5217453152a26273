package org.karyoloop.annotation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.karyoloop.annotation.ItemNotFoundException;
import org.karyoloop.platform.problem.Problem;

/** Answers an unknown item or task id with 404. */
@Provider
public class ItemNotFoundExceptionMapper implements ExceptionMapper<ItemNotFoundException> {

    @Override
    public Response toResponse(ItemNotFoundException e) {
        return Problem.of(Status.NOT_FOUND, "item-not-found", "Not found", e.getMessage()).toResponse();
    }
}
