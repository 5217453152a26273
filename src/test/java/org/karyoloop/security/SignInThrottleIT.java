package org.karyoloop.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * 20 wrong passwords in a row lock the user out: 429 with Retry-After and a problem body, the right password too
 * while the lockout lasts, and it works once it has passed (the test profile's lockout is 2 s). The form sign-in
 * is throttled the same way.
 */
@QuarkusTest
class SignInThrottleIT {

    @Test
    void twentyWrongPasswordsAreThrottledAndTheRightOneWorksAfterTheWait() {
        int throttled = 0;
        for (int i = 0; i < 20; i++) {
            int status = given().auth().preemptive().basic("doctor3", "wrong-" + i).get("/api/me").statusCode();
            assertThat(status).isIn(401, 429);
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(throttled).as("after the limit of 10 failures").isGreaterThanOrEqualTo(10);
        Response locked = given().auth().preemptive().basic("doctor3", "doctor3-pass").get("/api/me");
        locked.then().statusCode(429).contentType("application/problem+json").body("code",
                equalTo("too-many-sign-ins"));
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 2L);
        given().formParam("j_username", "doctor3").formParam("j_password", "doctor3-pass").post("/j_security_check")
                .then().statusCode(429);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> given().auth()
                .preemptive().basic("doctor3", "doctor3-pass").get("/api/me").statusCode() != 429);
        given().auth().preemptive().basic("doctor3", "doctor3-pass").get("/api/me").then().statusCode(200)
                .body("name", equalTo("doctor3"));
    }
}
