package org.karyoloop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and the OpenAPI document are served on the management interface only: the public port answers
 * 404 for every /q/ path, even to a signed-in admin, and the management port answers them.
 */
@QuarkusTest
class ManagementInterfaceIT {

    private static final List<String> MANAGEMENT_PATHS = List.of("/q/metrics", "/q/openapi", "/q/health",
            "/q/health/ready", "/q/health/live", "/q/health/started", "/q/swagger-ui/");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void publicPortAnswersNotFoundForEveryManagementPath() {
        for (String path : MANAGEMENT_PATHS) {
            given().get(path).then().statusCode(404);
            given().auth().preemptive().basic("admin1", "admin1-pass").get(path).then().statusCode(404);
        }
    }

    @Test
    void managementPortServesMetricsOpenApiAndHealth() {
        assertThat(management.getPort()).as("a port of its own").isNotEqualTo(io.restassured.RestAssured.port);
        String base = "http://" + management.getHost() + ":" + management.getPort();
        String metrics = given().get(base + "/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        String openapi = given().get(base + "/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/images", "/api/rollouts/{model}/actions");
        given().get(base + "/q/health/live").then().statusCode(200);
        given().get(base + "/q/health/started").then().statusCode(200);
    }
}
