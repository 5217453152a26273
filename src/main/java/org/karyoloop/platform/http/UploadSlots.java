package org.karyoloop.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.karyoloop.platform.problem.Problem;

/**
 * Caps the uploads (image ingest, model imports) that one client address has in flight at once
 * ({@link BodyLimitsConfig#maxUploadsPerClient()}): a further one is refused with 429 problem+json and
 * {@code Retry-After} from its headers, before sign-in and before its body is read, so that a few clients cannot make
 * the service hold many maximum-size bodies at once. A slot is freed when the response has ended or the connection
 * closed (a client that aborts). Behind a proxy the address is the client's once forwarding is on
 * ({@code KARYOLOOP_BEHIND_PROXY}). A Vert.x route handler; counts live in a ConcurrentHashMap and change atomically
 * ({@code compute}), so thread-safe.
 */
@ApplicationScoped
public class UploadSlots {

    private final ObjectMapper json;
    private final int perClient;
    private final List<Pattern> uploads;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public UploadSlots(BodyLimitsConfig config, ObjectMapper json) {
        this.json = json;
        this.perClient = config.maxUploadsPerClient();
        this.uploads = config.uploadPaths().stream().map(Pattern::compile).toList();
    }

    void register(@Observes Router router) {
        // Right after BodyLimits (Integer.MIN_VALUE): an oversize body is refused without taking a slot.
        router.route().order(Integer.MIN_VALUE + 3).handler(this::handle);
    }

    /** Uploads in flight from {@code client} now. */
    int inFlight(String client) {
        return inFlight.getOrDefault(client, 0);
    }

    void handle(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean upload = (method == HttpMethod.POST || method == HttpMethod.PUT)
                && uploads.stream().anyMatch(p -> p.matcher(context.request().path()).matches());
        if (!upload || context.request().remoteAddress() == null) {
            context.next();
            return;
        }
        String client = context.request().remoteAddress().hostAddress();
        AtomicBoolean admitted = new AtomicBoolean();
        inFlight.compute(client, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= perClient) {
                return n;
            }
            admitted.set(true);
            return current + 1;
        });
        if (!admitted.get()) {
            refuse(context);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        context.addEndHandler(done -> {
            if (released.compareAndSet(false, true)) {
                inFlight.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
            }
        });
        context.next();
    }

    private void refuse(RoutingContext context) {
        Problem problem = Problem.of(Status.TOO_MANY_REQUESTS, "too-many-uploads", "Too many uploads at once",
                "this client has " + perClient + " uploads in flight; send the next one when one has been answered");
        // The body is not wanted: one that is sent anyway is dropped as it arrives, and the connection closes.
        if (!context.request().isEnded()) {
            context.request().handler(dropped -> {});
            context.request().resume();
        }
        try {
            context.response().setStatusCode(429).putHeader("Retry-After", "1")
                    .putHeader(HttpHeaders.CONNECTION, "close").putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(429);
        }
    }
}
