package org.karyoloop.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers every HTTP request that failed because the database is unreachable with 503 problem+json and
 * Retry-After, wherever it failed: in a resource (an unmapped persistence exception) or before it, while HTTP
 * Basic looks the user up in the database, where no JAX-RS ExceptionMapper can see it. Other failures go on
 * to Quarkus's error handler. A Vert.x failure handler on every route; stateless, so thread-safe.
 */
@ApplicationScoped
public class DatabaseUnavailableHandler {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableHandler.class);

    private final ObjectMapper json;

    public DatabaseUnavailableHandler(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (context.response().headWritten() || !DatabaseUnavailable.causes(context.failure())) {
            context.next();
            return;
        }
        LOG.warnf("%s %s: database unavailable (%s), answered 503", context.request().method(),
                context.request().path(), context.failure().toString());
        try {
            context.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .end(json.writeValueAsString(DatabaseUnavailable.problem()));
        } catch (JsonProcessingException e) {
            context.next();
        }
    }
}
