package org.karyoloop.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.karyoloop.platform.problem.Problem;

/**
 * Refuses state-changing requests that ride on the pages' session cookie (the form sign-in's or, in OIDC mode, the
 * code flow's), and sign-ins, when the browser says they
 * come from another origin: a page of another origin (even another port of the same host, which SameSite does not
 * tell apart) could otherwise post with a signed-in doctor's cookie. Browsers send {@code Origin} with every
 * state-changing request and {@code Sec-Fetch-Site} where they support it; a request is refused when its
 * {@code Origin} is not this host or {@code Sec-Fetch-Site} is neither {@code same-origin} nor {@code none}.
 * Requests with an Authorization header (machines) are not cookie sessions and pass. A Vert.x route handler;
 * stateless, so thread-safe.
 */
@ApplicationScoped
public class SessionOriginCheck {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String SIGN_IN = "/j_security_check";

    private final ObjectMapper json;
    private final Set<String> cookieNames;

    public SessionOriginCheck(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name",
                    defaultValue = "quarkus-credential") String cookieName,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-name",
                    defaultValue = "q_session") String oidcCookieName) {
        this.json = json;
        this.cookieNames = Set.of(cookieName, oidcCookieName);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    void handle(RoutingContext context) {
        var request = context.request();
        boolean session = cookieNames.stream().anyMatch(name -> request.getCookie(name) != null)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
        if (SAFE.contains(request.method()) || !(session || SIGN_IN.equals(request.path()))) {
            context.next();
            return;
        }
        String refusal = refusal(request.getHeader(HttpHeaders.ORIGIN), request.getHeader("Sec-Fetch-Site"),
                request.getHeader(HttpHeaders.HOST));
        if (refusal == null) {
            context.next();
            return;
        }
        try {
            context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(Problem.of(Status.FORBIDDEN, "cross-origin", "Not from this site",
                            refusal)));
        } catch (JsonProcessingException e) {
            context.fail(403);
        }
    }

    /** Why a cookie-session write or a sign-in is refused, or null when nothing says it comes from elsewhere. */
    static String refusal(String origin, String fetchSite, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "the request comes from another origin (" + fetchSite + ")";
        }
        if (origin == null) {
            return null;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String bare = host == null ? null : host.replaceFirst(":(80|443)$", "");
            if (uri.getHost() != null && (authority.equalsIgnoreCase(host) || authority.equalsIgnoreCase(bare))) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            // an Origin that is not a URI is another origin
        }
        return "the request comes from another origin";
    }
}
