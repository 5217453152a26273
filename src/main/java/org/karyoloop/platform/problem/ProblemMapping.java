package org.karyoloop.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where the API turns exceptions into RFC 9457 problem+json answers, so every 4xx has one shape:
 * <ul>
 * <li>domain failures ({@link ProblemException}): their kind's status, code, title and message;</li>
 * <li>a request that breaks a Bean Validation constraint (an over-long string, a weight out of range, a missing
 * body): 400 listing each field and message, instead of Quarkus's own violation report; a violated constraint on
 * a return value is the server's fault: 500;</li>
 * <li>a JSON body that parses but does not fit the expected shape (a wrong enum value, a string where a number
 * belongs, an array for an object): 400 naming the field (Quarkus's own mapper answers a bare 400 outside dev
 * mode);</li>
 * <li>the framework's own HTTP errors (unknown path, wrong method, unsupported media type, a body that is not
 * JSON at all): their status, with a code from the reason phrase;</li>
 * <li>a body that cannot be read because the client closed the connection (an aborted upload): 400
 * {@code client-aborted}, so that the metrics count it as a client error, not a 500; it is never sent.</li>
 * </ul>
 * Failures that happen before any resource runs (sign-in, a database outage during authentication) are answered
 * by route failure handlers ({@link DatabaseUnavailableHandler} and the security package's), where no exception
 * mapper sees them. Stateless and thread-safe.
 */
public class ProblemMapping {

    @ServerExceptionMapper
    public Response domain(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolated(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapping::onReturnValue)) {
            return Problem.of(Status.INTERNAL_SERVER_ERROR, "invalid-response", "Internal error",
                    "the server produced an invalid answer").toResponse();
        }
        String detail = e.getConstraintViolations().stream()
                .map(v -> field(v.getPropertyPath()) + ": " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return Problem.of(Status.BAD_REQUEST, "invalid-request", "Invalid request", detail).toResponse();
    }

    @ServerExceptionMapper
    public Response bodyMismatched(MismatchedInputException e) {
        String field = e.getPath().stream().map(ProblemMapping::name).collect(Collectors.joining("."));
        String detail = (field.isEmpty() ? "the body" : "'" + field + "'") + " does not match the expected type";
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            detail += "; allowed: " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        return Problem.of(Status.BAD_REQUEST, "invalid-body", "Invalid request body", detail).toResponse();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String code = status.getReasonPhrase() == null ? "http-" + status.getStatusCode()
                : status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
        return new Problem(URI.create("urn:karyoloop:problem:" + code), status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), null, code).toResponse();
    }

    @ServerExceptionMapper
    public Response aborted(IOException e, HttpServerRequest request) {
        if (!request.response().closed()) {
            return null; // a server-side I/O failure: the default 500
        }
        return Problem.of(Status.BAD_REQUEST, "client-aborted", "Request aborted",
                "the client closed the connection before the body was read").toResponse();
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

    private static String name(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
    }
}
