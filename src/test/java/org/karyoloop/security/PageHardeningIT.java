package org.karyoloop.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages are served with a Content-Security-Policy that admits no inline script (and hold none), may not be
 * framed, are not type-sniffed and are revalidated on every load; a write that rides on the session cookie from
 * another origin, or a sign-in from one, is refused.
 */
@QuarkusTest
class PageHardeningIT {

    private static final List<String> PAGES = List.of("/annotate/", "/operate/");

    @TestHTTPResource("/")
    URL base;

    @Test
    void pagesCarryAPolicyWithoutInlineScriptAndAreNeitherFramedSniffedNorCachedImmutable() {
        for (String page : PAGES) {
            Response r = given().get(page);
            r.then().statusCode(200);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(page).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("Cache-Control")).as(page).isEqualTo("no-cache");
            String html = r.asString();
            Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
            int count = 0;
            while (scripts.find()) {
                count++;
                assertThat(scripts.group(1)).as(page + ": every script is a file").contains("src=");
                assertThat(scripts.group(2)).as(page + ": no inline script").isBlank();
            }
            assertThat(count).as(page + " loads its scripts").isPositive();
            assertThat(html).as(page + ": no inline handlers or styles")
                    .doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("style=", "javascript:");
        }
        assertThat(given().get("/operate/operate.js").header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void aWriteWithTheSessionCookieFromAnotherOriginIsRefused() {
        String cookie = given().formParam("j_username", "doctor3").formParam("j_password", "doctor3-pass")
                .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
        String self = base.getHost() + ":" + base.getPort();
        given().cookie("quarkus-credential", cookie).header("Origin", "http://" + base.getHost() + ":9999")
                .post("/api/annotation/claims").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("cross-origin"));
        given().cookie("quarkus-credential", cookie).header("Origin", "http://" + self)
                .header("Sec-Fetch-Site", "same-site").post("/api/annotation/claims").then().statusCode(403)
                .body("code", equalTo("cross-origin"));
        given().cookie("quarkus-credential", cookie).header("Origin", "null").post("/api/annotation/claims").then()
                .statusCode(403);
        int own = given().cookie("quarkus-credential", cookie).header("Origin", "http://" + self)
                .header("Sec-Fetch-Site", "same-origin").post("/api/annotation/claims").then().extract().statusCode();
        assertThat(own).as("the pages' own writes go through").isIn(200, 204);
        int machine = given().auth().preemptive().basic("doctor3", "doctor3-pass")
                .header("Origin", "http://elsewhere.example").post("/api/annotation/claims").then().extract()
                .statusCode();
        assertThat(machine).as("HTTP Basic is no cookie session").isIn(200, 204);
    }

    @Test
    void aSignInFromAnotherOriginIsRefused() {
        given().header("Origin", "http://elsewhere.example").formParam("j_username", "doctor3")
                .formParam("j_password", "doctor3-pass").post("/j_security_check").then().statusCode(403)
                .body("code", equalTo("cross-origin"));
    }
}
