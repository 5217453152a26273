package org.karyoloop.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.regex.Pattern;
import org.karyoloop.platform.problem.Problem;

/**
 * Refuses a request whose declared Content-Length is over its endpoint's limit (uploads large, everything else
 * small) with 413 problem+json from its headers, before sign-in and without a {@code 100 Continue}; the body is
 * never held (a client waiting for 100 Continue never sends it; one that does not wait has it dropped as it
 * arrives). Bodies without a declared
 * length stay bounded by {@code quarkus.http.limits.max-body-size}. A Vert.x route handler on every route;
 * immutable after construction, so thread-safe.
 */
@ApplicationScoped
public class BodyLimits {

    private final BodyLimitsConfig config;
    private final ObjectMapper json;
    private final List<Pattern> uploads;

    public BodyLimits(BodyLimitsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.uploads = config.uploadPaths().stream().map(Pattern::compile).toList();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    /** The limit for a request to {@code path}, in bytes. */
    long limitFor(String path) {
        return uploads.stream().anyMatch(p -> p.matcher(path).matches()) ? config.maxUploadBytes()
                : config.maxBodyBytes();
    }

    void handle(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        long limit = limitFor(context.request().path());
        if (length <= limit) {
            context.next();
            return;
        }
        Problem problem = Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "too-many-bytes", "Body too large",
                "the body declares " + length + " bytes; this endpoint takes at most " + limit);
        // A client that waits for 100 Continue has sent no body: answer and close. One that sends the body anyway
        // reads the answer only once it has sent it, so the body is read and dropped as it arrives, never held.
        boolean waiting = "100-continue".equalsIgnoreCase(context.request().getHeader(HttpHeaders.EXPECT));
        if (!waiting && !context.request().isEnded()) {
            context.request().handler(dropped -> {});
            context.request().resume();
        }
        try {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (waiting) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
            context.response().end(json.writeValueAsString(problem)).onComplete(done -> {
                if (waiting && context.request().connection() != null) {
                    context.request().connection().close();
                }
            });
        } catch (JsonProcessingException e) {
            context.fail(413);
        }
    }
}
