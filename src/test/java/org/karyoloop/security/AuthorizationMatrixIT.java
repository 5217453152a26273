package org.karyoloop.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.karyoloop.platform.security.UserAccount;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint with every role and anonymously: anonymous callers get 401 (no anonymous writes, no
 * anonymous reads of the API), users without the role 403, users with it anything else (a 404 for the
 * made-up ids here still proves they got through).
 */
@QuarkusTest
class AuthorizationMatrixIT {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String ID = "00000000-0000-0000-0000-000000000001";
    private static final List<String> USERS = List.of("anonymous", "doctor1", "operator1", "labsys1", "admin1");

    private record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/images", "x", Set.of("labsys1")),
            new Endpoint("GET", "/api/images/" + ID, null, Set.of("doctor1", "operator1", "admin1")),
            new Endpoint("GET", "/api/images/" + ID + "/content", null, Set.of("doctor1", "operator1", "admin1")),
            new Endpoint("POST", "/api/annotation/claims", null, Set.of("doctor1")),
            new Endpoint("POST", "/api/annotation/items/" + ID + "/label", "{\"grade\":\"GOOD\"}", Set.of("doctor1")),
            new Endpoint("POST", "/api/annotation/items/" + ID + "/skip", "{\"reason\":\"r\"}", Set.of("doctor1")),
            new Endpoint("POST", "/api/annotation/items/" + ID + "/release", null, Set.of("doctor1")),
            new Endpoint("GET", "/api/annotation/progress", null, Set.of("doctor1")),
            new Endpoint("GET", "/api/annotation/agreement", null, Set.of("doctor1", "operator1", "admin1")),
            new Endpoint("GET", "/api/annotation/images/" + ID + "/labels", null, Set.of("operator1", "admin1")),
            new Endpoint("GET", "/api/annotation/tasks/" + ID + "/image", null, Set.of("doctor1", "operator1", "admin1")),
            new Endpoint("GET", "/api/slides/slide-1/best", null, Set.of("doctor1", "operator1", "admin1")),
            new Endpoint("GET", "/api/me", null, Set.of("doctor1", "operator1", "labsys1", "admin1")),
            new Endpoint("POST", "/api/sign-out", null, Set.of("doctor1", "operator1", "labsys1", "admin1")),
            new Endpoint("GET", "/api/admin/users", null, Set.of("admin1")),
            new Endpoint("POST", "/api/admin/users", "{}", Set.of("admin1")),
            new Endpoint("GET", "/api/models/m-authz/versions", null, Set.of("operator1", "admin1")),
            // JSON where multipart is expected: the allowed roles get 415, which still proves they got through.
            new Endpoint("POST", "/api/models/m-authz/versions", "{}", Set.of("operator1", "admin1")),
            new Endpoint("GET", "/api/models/m-authz/versions/v1", null, Set.of("operator1", "admin1")),
            new Endpoint("GET", "/api/training/jobs", null, Set.of("operator1")),
            // A reason over the 500-character limit: the operator gets 400, and no job is requested.
            new Endpoint("POST", "/api/training/jobs", "{\"reason\":\"" + "r".repeat(600) + "\"}", Set.of("operator1")),
            new Endpoint("GET", "/api/training/jobs/" + ID, null, Set.of("operator1")),
            new Endpoint("POST", "/api/training/jobs/" + ID + "/cancel", null, Set.of("operator1")),
            new Endpoint("GET", "/api/rollouts", null, Set.of("operator1")),
            new Endpoint("GET", "/api/rollouts/m-authz", null, Set.of("operator1")),
            new Endpoint("GET", "/api/rollouts/m-authz/history", null, Set.of("operator1")),
            new Endpoint("GET", "/api/rollouts/m-authz/versions", null, Set.of("operator1")),
            new Endpoint("GET", "/api/rollouts/m-authz/timeline?bucket=1h", null, Set.of("operator1")),
            new Endpoint("POST", "/api/rollouts/m-authz/actions", "{\"action\":\"weight\",\"weight\":20}",
                    Set.of("operator1")));

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String user : USERS) {
                RequestSpecification request = user.equals("anonymous") ? given()
                        : given().auth().preemptive().basic(user, user + "-pass");
                if (e.body() != null) {
                    if (e.path().endsWith("/versions") && e.method().equals("POST")) {
                        // model import: a multipart form (metadata + artifact), whatever the fields say
                        request = request.multiPart("metadata", e.body(), "application/json");
                    } else {
                        request = request.contentType(e.path().equals("/api/images") ? "application/octet-stream"
                                : "application/json").body(e.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                int status = request.request(e.method(), e.path()).statusCode();
                boolean ok = user.equals("anonymous") ? status == 401
                        : e.allowed().contains(user) ? status != 401 && status != 403 : status == 403;
                if (!ok) {
                    wrong.add(e.method() + " " + e.path() + " as " + user + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The matrix above is checked against the OpenAPI document the service publishes: every operation under /api has
     * a row (so a new endpoint cannot be forgotten), and every one of them, filled in from the document with made-up
     * ids, refuses an anonymous caller with 401.
     */
    @Test
    void everyOperationOfTheOpenApiDocumentIsInTheMatrixAndRefusesAnonymousCallers() throws Exception {
        String document = given().get("http://" + management.getHost() + ":" + management.getPort()
                + "/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(document).path("paths");
        List<String> missing = new ArrayList<>();
        List<String> notRefused = new ArrayList<>();
        int operations = 0;
        for (var path = paths.fields(); path.hasNext();) {
            var entry = path.next();
            if (!entry.getKey().startsWith("/api/")) {
                continue;
            }
            Pattern template = Pattern.compile(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
            for (var op = entry.getValue().fieldNames(); op.hasNext();) {
                String method = op.next().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                boolean listed = ENDPOINTS.stream().anyMatch(e -> e.method().equals(method)
                        && template.matcher(e.path().replaceFirst("\\?.*$", "")).matches());
                if (!listed) {
                    missing.add(method + " " + entry.getKey());
                }
                String concrete = entry.getKey().replaceAll("\\{[^}]+}", ID);
                int status = given().request(method, concrete).statusCode();
                if (status != 401) {
                    notRefused.add(method + " " + concrete + " -> " + status);
                }
            }
        }
        // every row of the matrix is one operation of the document, and every operation has a row
        assertThat(operations).as("operations in the document").isEqualTo(ENDPOINTS.size());
        assertThat(missing).as("operations without a row in the matrix").isEmpty();
        assertThat(notRefused).as("anonymous calls not refused").isEmpty();
    }

    @Test
    void wrongPasswordIsUnauthorizedAndUnknownUsersToo() {
        given().auth().preemptive().basic("doctor1", "wrong").get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic("nobody", "whatever").get("/api/me").then().statusCode(401);
    }

    @Test
    void aRememberedPasswordAdmitsOnlyThatPasswordAndOnlyItsUser() {
        given().auth().preemptive().basic("doctor2", "doctor2-pass").get("/api/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("doctor2"));
        given().auth().preemptive().basic("doctor2", "doctor2-pass ").get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic("doctor3", "doctor2-pass").get("/api/me").then().statusCode(401);
        given().auth().preemptive().basic("doctor2", "doctor2-pass").get("/api/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("doctor2"));
    }

    @Test
    void aVerifiedUserIsServedFromTheIdentityCacheUntilItsTimeToLive() {
        given().auth().preemptive().basic("admin1", "admin1-pass").contentType("application/json")
                .body("{\"username\":\"cachedoc\",\"password\":\"cachedoc-pass\",\"roles\":[\"doctor\"]}")
                .post("/api/admin/users").then().statusCode(201);
        String cookie = given().formParam("j_username", "cachedoc").formParam("j_password", "cachedoc-pass")
                .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
        given().auth().preemptive().basic("cachedoc", "cachedoc-pass").get("/api/me").then().statusCode(200);
        given().cookie("quarkus-credential", cookie).get("/api/me").then().statusCode(200);

        // Behind the service's back the user disappears from the store: within the cache's time to live both the
        // remembered password and the session still resolve without reading app_user (karyoloop.security
        // .identity-cache-ttl, 30 s) - and a password never verified is still checked against the store.
        QuarkusTransaction.requiringNew().run(() -> UserAccount.deleteById("cachedoc"));
        given().auth().preemptive().basic("cachedoc", "cachedoc-pass").get("/api/me").then().statusCode(200);
        given().cookie("quarkus-credential", cookie).get("/api/me").then().statusCode(200);
        given().auth().preemptive().basic("cachedoc", "another-pass").get("/api/me").then().statusCode(401);
    }

    @Test
    void adminCreatesAUserWhoseHashIsBcryptAndWhoCanSignInWithAForm() {
        given().auth().preemptive().basic("admin1", "admin1-pass").contentType("application/json")
                .body("{\"username\":\"newdoc\",\"password\":\"newdoc-pass\",\"roles\":[\"doctor\"]}")
                .post("/api/admin/users").then().statusCode(201);
        String cookie = given().formParam("j_username", "newdoc").formParam("j_password", "newdoc-pass")
                .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
        assertThat(cookie).isNotBlank();
        given().cookie("quarkus-credential", cookie).get("/api/me").then().statusCode(200);
        given().formParam("j_username", "newdoc").formParam("j_password", "nope").post("/j_security_check")
                .then().statusCode(401);
    }
}
