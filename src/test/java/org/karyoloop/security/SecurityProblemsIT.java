package org.karyoloop.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Refusals of the security layer have the shape of every other error: 401 and 403 answer problem+json, and a 401
 * says how to sign in ({@code WWW-Authenticate}: Basic for HTTP clients, Form for the pages, so that a browser
 * shows no Basic dialog of its own). 409 for a user name that is taken; sign-out expires the session cookie.
 */
@QuarkusTest
class SecurityProblemsIT {

    @Test
    void anonymousCallsAreUnauthorizedWithAProblemAndABasicChallenge() {
        unauthorized(given().post("/api/annotation/claims").then()).header("WWW-Authenticate", startsWith("Basic "));
        unauthorized(given().get("/api/me").then()).header("WWW-Authenticate", startsWith("Basic "));
        unauthorized(given().get("/api/rollouts").then()).header("WWW-Authenticate", startsWith("Basic "));
    }

    @Test
    void wrongPasswordsAreUnauthorizedWithAProblemBodyOnBasicAndOnTheForm() {
        unauthorized(given().auth().preemptive().basic("doctor1", "wrong").get("/api/me").then())
                .header("WWW-Authenticate", startsWith("Basic "));
        unauthorized(given().auth().preemptive().basic("nobody", "wrong").post("/api/annotation/claims").then());
        unauthorized(given().formParam("j_username", "doctor1").formParam("j_password", "wrong")
                .post("/j_security_check").then());
    }

    @Test
    void thePagesAreChallengedWithTheFormSoBrowsersShowNoBasicDialog() {
        unauthorized(given().header("X-Requested-With", "karyoloop").get("/api/me").then())
                .header("WWW-Authenticate", startsWith("Form "));
        unauthorized(given().header("X-Requested-With", "karyoloop").post("/api/annotation/claims").then())
                .header("WWW-Authenticate", startsWith("Form "));
    }

    @Test
    void aRoleThatIsNotAdmittedIsForbiddenWithAProblemBody() {
        forbidden(given().auth().preemptive().basic("doctor1", "doctor1-pass").get("/api/admin/users").then());
        forbidden(given().auth().preemptive().basic("labsys1", "labsys1-pass").post("/api/annotation/claims").then());
        forbidden(given().auth().preemptive().basic("doctor1", "doctor1-pass").contentType("application/octet-stream")
                .body(new byte[] {1, 2, 3}).post("/api/images").then());
    }

    @Test
    void creatingAUserWhoseNameIsTakenIsAConflict() {
        String body = "{\"username\":\"twice\",\"password\":\"twice-pass\",\"roles\":[\"doctor\"]}";
        int first = given().auth().preemptive().basic("admin1", "admin1-pass").contentType("application/json")
                .body(body).post("/api/admin/users").then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(first).isIn(201, 409);
        given().auth().preemptive().basic("admin1", "admin1-pass").contentType("application/json").body(body)
                .post("/api/admin/users").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("user-exists"));
    }

    @Test
    void signOutExpiresTheSessionCookie() {
        String cookie = given().formParam("j_username", "doctor2").formParam("j_password", "doctor2-pass")
                .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
        io.restassured.response.Response out = given().cookie("quarkus-credential", cookie).post("/api/sign-out");
        out.then().statusCode(204);
        String setCookie = String.join("\n", out.headers().getValues("Set-Cookie"));
        org.assertj.core.api.Assertions.assertThat(setCookie).contains("quarkus-credential=")
                .containsIgnoringCase("Max-Age=0");
    }

    /** Behind a TLS-terminating proxy (forwarding on: the test profile sets what KARYOLOOP_BEHIND_PROXY does). */
    @Test
    void theSessionCookieIsSecureWhenTheProxyForwardedHttpsAndOnlyThen() {
        String overHttps = String.join("\n", given().header("X-Forwarded-Proto", "https")
                .formParam("j_username", "doctor3").formParam("j_password", "doctor3-pass").post("/j_security_check")
                .then().statusCode(200).extract().headers().getValues("Set-Cookie"));
        String overHttp = String.join("\n", given().formParam("j_username", "doctor3")
                .formParam("j_password", "doctor3-pass").post("/j_security_check").then().statusCode(200).extract()
                .headers().getValues("Set-Cookie"));

        org.assertj.core.api.Assertions.assertThat(overHttps).contains("quarkus-credential=")
                .containsIgnoringCase("; Secure");
        org.assertj.core.api.Assertions.assertThat(overHttp).contains("quarkus-credential=")
                .doesNotContainIgnoringCase("Secure");
    }

    private static ValidatableResponse unauthorized(ValidatableResponse response) {
        return response.statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .body("code", equalTo("unauthorized"));
    }

    private static ValidatableResponse forbidden(ValidatableResponse response) {
        return response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
                .body("code", equalTo("forbidden"));
    }
}
