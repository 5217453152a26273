package org.karyoloop.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import org.karyoloop.platform.problem.Problem;

/**
 * Answers the refusals of the HTTP security layer (HTTP Basic or form sign-in failed, the path's permission
 * denied, a session that has ended) with a problem+json body, a 401 with {@code WWW-Authenticate}, and a throttled
 * sign-in ({@link SignInThrottle}) with 429 and {@code Retry-After}: these
 * happen before any resource runs, where no JAX-RS ExceptionMapper sees them. Other failures go on to the next
 * handler, and so does an anonymous request for {@value AuthProblems#SIGN_IN_PATH} in OIDC mode: Quarkus then
 * challenges it with the identity provider's authorization code flow (a redirect to its sign-in page). A Vert.x
 * failure handler on every route; stateless, so thread-safe.
 */
@ApplicationScoped
public class AuthProblemHandler {

    private final ObjectMapper json;
    private final SecurityConfig.Mode mode;

    public AuthProblemHandler(ObjectMapper json, SecurityConfig config) {
        this.json = json;
        this.mode = config.mode();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        SignInThrottledException throttled = throttled(context.failure());
        if (throttled != null) {
            context.response().putHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            answer(context, 429, Problem.of(Status.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many failed sign-ins",
                    throttled.getMessage()));
            return;
        }
        int status = AuthProblems.status(context.failure());
        if (status == 0 && context.failure() == null && (context.statusCode() == 401 || context.statusCode() == 403)) {
            status = context.statusCode();
        }
        if (status == 0 || status == 401 && mode == SecurityConfig.Mode.OIDC && signInPath(context.normalizedPath())) {
            context.next();
            return;
        }
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate",
                    AuthProblems.challenge(context.request().getHeader(AuthProblems.PAGE_HEADER), mode));
        }
        answer(context, status, status == 401 ? AuthProblems.unauthorized() : AuthProblems.forbidden());
    }

    private static boolean signInPath(String path) {
        return path != null
                && (path.equals(AuthProblems.SIGN_IN_PATH) || path.startsWith(AuthProblems.SIGN_IN_PATH + "/"));
    }

    private void answer(RoutingContext context, int status, Problem problem) {
        try {
            String body = json.writeValueAsString(problem);
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
        } catch (JsonProcessingException e) {
            context.next();
        }
    }

    private static SignInThrottledException throttled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SignInThrottledException e) {
                return e;
            }
        }
        return null;
    }
}
