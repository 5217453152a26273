package org.karyoloop.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Answers a request that breaks a Bean Validation constraint (an over-long string, a weight out of range, a
 * missing body) with 400 problem+json listing each field and message, instead of Quarkus's own violation
 * report, so every 4xx of the API has one shape. A violated constraint on a return value is the server's
 * fault: 500.
 */
@Provider
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ConstraintViolationExceptionMapper::onReturnValue)) {
            return Problem.of(Status.INTERNAL_SERVER_ERROR, "invalid-response", "Internal error",
                    "the server produced an invalid answer").toResponse();
        }
        String detail = e.getConstraintViolations().stream()
                .map(v -> field(v.getPropertyPath()) + ": " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return Problem.of(Status.BAD_REQUEST, "invalid-request", "Invalid request", detail).toResponse();
    }

    private static boolean onReturnValue(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
    }

    /** The path without the method name ("weight.request.weight" becomes "request.weight"). */
    private static String field(Path path) {
        return StreamSupport.stream(path.spliterator(), false)
                .filter(node -> node.getKind() != ElementKind.METHOD)
                .map(Path.Node::getName).collect(Collectors.joining("."));
    }
}
