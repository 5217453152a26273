package org.karyoloop.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.karyoloop.platform.security.UserAccount;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The role matrix ({@link RoleMatrix}) with the built-in users (HTTP Basic), checked against the OpenAPI document, and
 * the built-in store's own behaviour: wrong passwords, the identity cache, users an admin creates.
 */
@QuarkusTest
class AuthorizationMatrixIT {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The built-in test users, one per role (%test.karyoloop.security.seed-users). */
    private static final Map<String, String> USERS = Map.of(RoleMatrix.DOCTOR, "doctor1", RoleMatrix.OPERATOR,
            "operator1", RoleMatrix.LAB, "labsys1", RoleMatrix.ADMIN, "admin1");

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        List<String> wrong = RoleMatrix.wrongCells(caller -> caller.equals(RoleMatrix.ANONYMOUS) ? given()
                : given().auth().preemptive().basic(USERS.get(caller), USERS.get(caller) + "-pass"), Map.of());
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
                boolean listed = RoleMatrix.ENDPOINTS.stream().anyMatch(e -> e.method().equals(method)
                        && template.matcher(e.path().replaceFirst("\\?.*$", "")).matches());
                if (!listed) {
                    missing.add(method + " " + entry.getKey());
                }
                String concrete = entry.getKey().replaceAll("\\{[^}]+}", RoleMatrix.ID);
                int status = given().request(method, concrete).statusCode();
                if (status != 401) {
                    notRefused.add(method + " " + concrete + " -> " + status);
                }
            }
        }
        // every row of the matrix is one operation of the document, and every operation has a row
        assertThat(operations).as("operations in the document").isEqualTo(RoleMatrix.ENDPOINTS.size());
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
