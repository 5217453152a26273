package org.karyoloop.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The documented role matrix (docs/architecture.md, "Who may do what") as data, and its check: every endpoint with
 * every role and anonymously. Anonymous callers get 401 (no anonymous writes, no anonymous reads of the API), callers
 * without the role 403, callers with it anything else (a 404 for the made-up ids here still proves they got through).
 * The same matrix runs with built-in users ({@link AuthorizationMatrixIT}) and with the lab's identity provider
 * ({@link OidcSignInIT}).
 */
final class RoleMatrix {

    static final String ID = "00000000-0000-0000-0000-000000000001";
    static final String ANONYMOUS = "anonymous";
    static final String DOCTOR = "doctor";
    static final String OPERATOR = "operator";
    static final String LAB = "lab-system";
    static final String ADMIN = "admin";
    static final List<String> CALLERS = List.of(ANONYMOUS, DOCTOR, OPERATOR, LAB, ADMIN);

    record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/images", "x", Set.of(LAB)),
            new Endpoint("GET", "/api/images/" + ID, null, Set.of(DOCTOR, OPERATOR, ADMIN)),
            new Endpoint("GET", "/api/images/" + ID + "/content", null, Set.of(DOCTOR, OPERATOR, ADMIN)),
            new Endpoint("POST", "/api/annotation/claims", null, Set.of(DOCTOR)),
            new Endpoint("POST", "/api/annotation/items/" + ID + "/label", "{\"grade\":\"GOOD\"}", Set.of(DOCTOR)),
            new Endpoint("POST", "/api/annotation/items/" + ID + "/skip", "{\"reason\":\"r\"}", Set.of(DOCTOR)),
            new Endpoint("POST", "/api/annotation/items/" + ID + "/release", null, Set.of(DOCTOR)),
            new Endpoint("GET", "/api/annotation/progress", null, Set.of(DOCTOR)),
            new Endpoint("GET", "/api/annotation/agreement", null, Set.of(DOCTOR, OPERATOR, ADMIN)),
            new Endpoint("GET", "/api/annotation/images/" + ID + "/labels", null, Set.of(OPERATOR, ADMIN)),
            new Endpoint("GET", "/api/annotation/tasks/" + ID + "/image", null, Set.of(DOCTOR, OPERATOR, ADMIN)),
            new Endpoint("GET", "/api/slides/slide-1/best", null, Set.of(DOCTOR, OPERATOR, ADMIN)),
            new Endpoint("GET", "/api/me", null, Set.of(DOCTOR, OPERATOR, LAB, ADMIN)),
            new Endpoint("POST", "/api/sign-out", null, Set.of(DOCTOR, OPERATOR, LAB, ADMIN)),
            new Endpoint("GET", "/api/sign-in/annotate", null, Set.of(DOCTOR, OPERATOR, LAB, ADMIN)),
            new Endpoint("GET", "/api/admin/users", null, Set.of(ADMIN)),
            new Endpoint("POST", "/api/admin/users", "{}", Set.of(ADMIN)),
            new Endpoint("GET", "/api/models/m-authz/versions", null, Set.of(OPERATOR, ADMIN)),
            // JSON where multipart is expected: the allowed roles get 415, which still proves they got through.
            new Endpoint("POST", "/api/models/m-authz/versions", "{}", Set.of(OPERATOR, ADMIN)),
            new Endpoint("GET", "/api/models/m-authz/versions/v1", null, Set.of(OPERATOR, ADMIN)),
            new Endpoint("GET", "/api/training/jobs", null, Set.of(OPERATOR)),
            // A reason over the 500-character limit: the operator gets 400, and no job is requested.
            new Endpoint("POST", "/api/training/jobs", "{\"reason\":\"" + "r".repeat(600) + "\"}", Set.of(OPERATOR)),
            new Endpoint("GET", "/api/training/jobs/" + ID, null, Set.of(OPERATOR)),
            new Endpoint("POST", "/api/training/jobs/" + ID + "/cancel", null, Set.of(OPERATOR)),
            new Endpoint("GET", "/api/rollouts", null, Set.of(OPERATOR)),
            new Endpoint("GET", "/api/rollouts/m-authz", null, Set.of(OPERATOR)),
            new Endpoint("GET", "/api/rollouts/m-authz/history", null, Set.of(OPERATOR)),
            new Endpoint("GET", "/api/rollouts/m-authz/versions", null, Set.of(OPERATOR)),
            new Endpoint("GET", "/api/rollouts/m-authz/timeline?bucket=1h", null, Set.of(OPERATOR)),
            new Endpoint("POST", "/api/rollouts/m-authz/actions", "{\"action\":\"weight\",\"weight\":20}",
                    Set.of(OPERATOR)));

    private RoleMatrix() {
    }

    /**
     * Every cell that does not hold, as "METHOD path as caller -> status". {@code as} gives the request of a caller
     * (a role or {@link #ANONYMOUS}); {@code anonymousExceptions} the status an anonymous call of a path gets instead
     * of 401 (OIDC mode sends a browser's sign-in to the identity provider).
     */
    static List<String> wrongCells(Function<String, RequestSpecification> as,
            Map<String, Integer> anonymousExceptions) {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String caller : CALLERS) {
                RequestSpecification request = as.apply(caller).redirects().follow(false);
                if (e.body() != null) {
                    if (e.path().endsWith("/versions") && e.method().equals("POST")) {
                        // model import: a multipart form (metadata + artifact), whatever the fields say
                        request = request.multiPart("metadata", e.body(), "application/json");
                    } else {
                        request = request.contentType(e.path().equals("/api/images") ? "application/octet-stream"
                                : "application/json").body(e.body().getBytes(StandardCharsets.UTF_8));
                    }
                }
                int status = request.request(e.method(), e.path()).statusCode();
                boolean ok = caller.equals(ANONYMOUS) ? status == anonymousExceptions.getOrDefault(e.path(), 401)
                        : e.allowed().contains(caller) ? status != 401 && status != 403 : status == 403;
                if (!ok) {
                    wrong.add(e.method() + " " + e.path() + " as " + caller + " -> " + status);
                }
            }
        }
        return wrong;
    }

    /** An anonymous request. */
    static RequestSpecification anonymous() {
        return given();
    }
}
