package org.karyoloop.rollout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.rollout.persistence.EvidenceRepository;

/**
 * What the operators' page reads besides the rollout state, against the real database: versions with
 * their metrics and serving role, the live timeline per bucket and arm, and the Prometheus gauges an
 * outside canary tool would scrape.
 */
@QuarkusTest
class RolloutInsightsIT {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    RolloutService rollouts;
    @Inject
    EvidenceRepository evidence;
    @Inject
    RolloutMetrics metrics;
    @Inject
    RolloutConfig config;

    RolloutSeed seed;
    String model;

    @BeforeEach
    void setUp() {
        seed = new RolloutSeed(rollouts, evidence);
        model = "insights-" + UUID.randomUUID();
        seed.stableAndCanary(model);
    }

    @Test
    void versionsCarryFrozenSetMetricsEligibilityAndWhatEachServes() {
        JsonPath versions = operator().get("/api/rollouts/{m}/versions", model).then().statusCode(200).extract()
                .jsonPath();
        assertThat(versions.getList("version")).containsExactly("v1", "v2");
        assertThat(versions.getList("serving")).containsExactly("stable", "canary");
        assertThat(versions.getList("eligible")).containsExactly(true, true);
        assertThat(versions.getDouble("[1].metrics.eval_good_precision")).isEqualTo(0.94);
        assertThat(versions.getString("[0].createdAt")).isNotBlank();
        // the page draws each version's confusion matrix from its metrics
        assertThat(versions.getDouble("[0].metrics.confusion_FAIR_FAIR")).isEqualTo(20.0);
    }

    @Test
    void timelineSumsGoodRateAndPrecisionPerHourAndArm() {
        Instant twoHoursAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        seed.observations(model, "v1", "stable", twoHoursAgo, 8, 2, 10, 20);
        seed.observations(model, "v2", "canary", twoHoursAgo.plus(1, ChronoUnit.HOURS), 9, 1, 5, 5);

        JsonPath timeline = operator().get("/api/rollouts/{m}/timeline?bucket=1h&buckets=4", model).then()
                .statusCode(200).extract().jsonPath();
        assertThat(timeline.getString("bucket")).isEqualTo("PT1H");
        // the chart's target line is the rollout's configured precision gate
        assertThat(timeline.getDouble("targetPrecision")).isEqualTo(config.targetPrecision());
        List<Map<String, Object>> points = timeline.getList("points");
        assertThat(points).hasSize(2);
        assertThat(points.get(0)).containsEntry("arm", "stable").containsEntry("version", "v1")
                .containsEntry("scored", 40).containsEntry("predictedGood", 10)
                .containsEntry("labelledGoodPredictions", 10).containsEntry("truePositives", 8);
        assertThat(timeline.getFloat("points[0].goodRate")).isEqualTo(0.25f);
        assertThat(timeline.getFloat("points[0].precision")).isEqualTo(0.8f);
        assertThat(timeline.getFloat("points[1].precision")).isEqualTo(0.9f);
        assertThat(timeline.getFloat("points[1].precisionLowerBound")).isBetween(0.6f, 0.9f);
        assertThat(Instant.parse(timeline.getString("points[0].start")))
                .isEqualTo(twoHoursAgo.truncatedTo(ChronoUnit.HOURS));
    }

    @Test
    void aBucketThatIsNotADurationIsAProblemNotACrash() {
        operator().get("/api/rollouts/{m}/timeline?bucket=fortnight", model).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("15m, 1h or 1d"));
    }

    @Test
    void liveEvidenceIsExportedPerVersionAndArmForPrometheus() {
        Instant now = Instant.now().plusSeconds(1);
        seed.observations(model, "v2", "canary", now, 3, 1, 0, 2);
        seed.observations(model, "v1", "stable", now, 2, 0, 1, 0);
        metrics.refresh();

        String scrape = given().get(onManagement("/q/metrics")).then().statusCode(200).extract().asString();
        String canary = "{arm=\"canary\",model=\"" + model + "\",version=\"v2\"}";
        String stable = "{arm=\"stable\",model=\"" + model + "\",version=\"v1\"}";
        assertThat(scrape).contains("karyoloop_rollout_live_precision" + canary + " 0.75",
                "karyoloop_rollout_evidence_good_predictions" + canary + " 4.0",
                "karyoloop_rollout_evidence_scored" + canary + " 6.0",
                "karyoloop_rollout_good_rate" + canary + " 0.6666",
                "karyoloop_rollout_live_precision" + stable + " 1.0",
                "karyoloop_rollout_canary_weight_percent" + canary + " 10.0");
        assertThat(scrape).containsPattern("karyoloop_rollout_live_precision_lower_bound\\Q" + canary + "\\E 0\\.3");
    }

    private static io.restassured.specification.RequestSpecification operator() {
        return given().auth().preemptive().basic("operator1", "operator1-pass");
    }

    /** {@code path} on the management interface (health, metrics), which is not on the public port. */
    private String onManagement(String path) {
        return "http://" + management.getHost() + ":" + management.getPort() + path;
    }
}
