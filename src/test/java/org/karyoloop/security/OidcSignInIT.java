package org.karyoloop.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.platform.security.AuthProblems;
import org.karyoloop.testing.LocalKeycloak;
import org.karyoloop.testing.SpreadImages;

/**
 * OIDC mode against the real Keycloak of keycloak/ (karyoloop realm): a doctor signs in through the authorization code
 * flow at Keycloak's own sign-in page, a lab system ingests with a client-credentials bearer token, the role matrix
 * holds with the provider's users and tokens, and the built-in users admit nobody.
 */
@QuarkusTest
@TestProfile(OidcSignInIT.OidcMode.class)
class OidcSignInIT {

    /** The test infrastructure plus the local Keycloak; its resource switches the service to OIDC mode. */
    public static class OidcMode implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalKeycloak.class));
        }
    }

    @TestHTTPResource("/")
    URL service;

    @BeforeEach
    void keycloakIsThere() {
        assumeTrue(LocalKeycloak.available() == null, LocalKeycloak.available());
        System.out.printf("keycloak/start.sh in this JVM: %.1f s (a few seconds when Keycloak was already running)%n",
                LocalKeycloak.startSeconds());
    }

    @Test
    void aDoctorSignsInThroughTheProvidersSignInPageAndComesBackToTheirPageAsADoctor() {
        CodeFlowBrowser browser = new CodeFlowBrowser();
        HttpResponse<String> landed = browser.signIn(uri("/api/sign-in/annotate"), "demo-doctor", password());

        assertThat(browser.visited.get(1).toString())
                .startsWith(LocalKeycloak.ISSUER + "/protocol/openid-connect/auth");
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isEqualTo("/annotate/");
        given().cookies(session(browser)).get("/api/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("demo-doctor"))
                .body("roles", org.hamcrest.Matchers.hasItem("doctor"))
                .body("roles", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("operator")));
        given().cookies(session(browser)).post("/api/annotation/claims").then().statusCode(org.hamcrest.Matchers
                .not(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(401), org.hamcrest.Matchers.is(403))));
    }

    @Test
    void aWrongPasswordLeavesTheBrowserAtTheProvidersSignInPageWithoutASession() {
        CodeFlowBrowser browser = new CodeFlowBrowser();
        HttpResponse<String> answer = browser.signIn(uri("/api/sign-in/annotate"), "demo-doctor", "not-the-password");

        assertThat(answer.uri().toString()).startsWith(LocalKeycloak.ISSUER);
        assertThat(answer.body()).contains("kc-form-login");
        assertThat(session(browser)).isEmpty();
    }

    @Test
    void aLabSystemIngestsWithAClientCredentialsTokenAndADoctorSeesTheImage() {
        String token = labSystemToken();
        given().auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("service-account-karyoloop-lab"))
                .body("roles", org.hamcrest.Matchers.hasItem("lab-system"));
        String id = given().auth().oauth2(token).contentType("image/png").header("X-Slide-Id", "oidc-slide")
                .header("X-Source-Id", "oidc-scope").body(SpreadImages.blankPng(64, 64, 40)).post("/api/images")
                .then().statusCode(201).extract().path("id");

        CodeFlowBrowser doctor = new CodeFlowBrowser();
        doctor.signIn(uri("/api/sign-in/annotate"), "demo-doctor", password());
        given().cookies(session(doctor)).get("/api/images/" + id).then().statusCode(200);
        // The lab system's token does not admit what only people may do.
        given().auth().oauth2(token).post("/api/annotation/claims").then().statusCode(403);
    }

    @Test
    void aTamperedTokenAndTheBuiltInUsersAreRefusedWithABearerChallenge() {
        String token = labSystemToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().auth().oauth2(tampered).contentType("image/png").body(SpreadImages.blankPng(32, 32, 40))
                .post("/api/images").then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("labsys1", "labsys1-pass").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", AuthProblems.BEARER_CHALLENGE);
        given().formParam("j_username", "doctor1").formParam("j_password", "doctor1-pass").post("/j_security_check")
                .then().statusCode(401);
        given().header(AuthProblems.PAGE_HEADER, "karyoloop").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", AuthProblems.OIDC_PAGE_CHALLENGE);
    }

    @Test
    void theRoleMatrixHoldsForTheProvidersUsersAndTokens() {
        Map<String, Map<String, String>> sessions = new HashMap<>();
        for (var user : Map.of(RoleMatrix.DOCTOR, "demo-doctor", RoleMatrix.OPERATOR, "demo-operator",
                RoleMatrix.ADMIN, "demo-admin").entrySet()) {
            CodeFlowBrowser browser = new CodeFlowBrowser();
            browser.signIn(uri("/api/sign-in/operate"), user.getValue(), password());
            sessions.put(user.getKey(), session(browser));
        }
        String token = labSystemToken();

        List<String> wrong = RoleMatrix.wrongCells(caller -> as(caller, sessions, token),
                // an anonymous browser is sent to the provider's sign-in page
                Map.of("/api/sign-in/annotate", 302));
        assertThat(wrong).isEmpty();
    }

    @Test
    void signOutEndsTheSessionAndNamesTheProvidersEndSessionAddress() {
        CodeFlowBrowser browser = new CodeFlowBrowser();
        browser.signIn(uri("/api/sign-in/annotate"), "demo-doctor", password());

        var answer = given().cookies(session(browser)).post("/api/sign-out?page=annotate").then().statusCode(200)
                .extract();
        assertThat(answer.jsonPath().getString("endSession")).startsWith(LocalKeycloak.ISSUER)
                .contains("post_logout_redirect_uri=");
        assertThat(answer.detailedCookies().get("q_session").getMaxAge()).isZero();
    }

    private RequestSpecification as(String caller, Map<String, Map<String, String>> sessions, String token) {
        if (caller.equals(RoleMatrix.ANONYMOUS)) {
            return given();
        }
        return caller.equals(RoleMatrix.LAB) ? given().auth().oauth2(token) : given().cookies(sessions.get(caller));
    }

    private static String labSystemToken() {
        return given().baseUri(LocalKeycloak.ISSUER).formParam("grant_type", "client_credentials")
                .formParam("client_id", "karyoloop-lab")
                .formParam("client_secret", LocalKeycloak.credential("KARYOLOOP_KC_LAB_SECRET"))
                .post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /** The service's session cookies in a browser (the code flow's session is split over several q_session*). */
    private Map<String, String> session(CodeFlowBrowser browser) {
        Map<String, String> cookies = new HashMap<>(browser.cookiesFor(uri("/")));
        cookies.keySet().removeIf(name -> !name.startsWith("q_session"));
        return cookies;
    }

    private static String password() {
        return LocalKeycloak.credential("KARYOLOOP_KC_USER_PASSWORD");
    }

    private URI uri(String path) {
        return URI.create("http://" + service.getHost() + ":" + service.getPort() + path);
    }
}
