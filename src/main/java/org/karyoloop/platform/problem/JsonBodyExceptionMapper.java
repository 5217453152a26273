package org.karyoloop.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * Answers a JSON body that parses but does not fit the expected shape (a wrong enum value, a string where a
 * number belongs, an array for an object) with 400 problem+json naming the field. Quarkus's own mapper for
 * this exception answers a bare 400 outside dev mode; bodies that are not JSON at all already arrive as a
 * 400 WebApplicationException and get their problem from {@link WebApplicationExceptionMapper}.
 */
@Provider
public class JsonBodyExceptionMapper implements ExceptionMapper<MismatchedInputException> {

    @Override
    public Response toResponse(MismatchedInputException e) {
        String field = e.getPath().stream().map(JsonBodyExceptionMapper::name).collect(Collectors.joining("."));
        String detail = (field.isEmpty() ? "the body" : "'" + field + "'") + " does not match the expected type";
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            detail += "; allowed: " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        }
        return Problem.of(Status.BAD_REQUEST, "invalid-body", "Invalid request body", detail).toResponse();
    }

    private static String name(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
    }
}
