package org.karyoloop.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.karyoloop.rollout.persistence.EvidenceRepository;
import org.karyoloop.rollout.persistence.RolloutEvent;
import org.karyoloop.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' page end to end in Debian's headless Chromium: sign in as an operator, see a running
 * canary with its evidence, versions, pictures and charts, roll it back with a reason, and see the state
 * change and the history row with who and why. Skipped where chromium or chromedriver is absent.
 */
@QuarkusTest
@EnabledIf("org.karyoloop.testing.HeadlessChromium#present")
class OperatorsPageIT {

    @TestHTTPResource("/operate/")
    URL page;

    @Inject
    RolloutService rollouts;
    @Inject
    EvidenceRepository evidence;

    @Test
    void operatorSeesTheCanaryAndRollsItBackWithAReason() throws Exception {
        String model = "page-" + UUID.randomUUID();
        RolloutSeed seed = new RolloutSeed(rollouts, evidence);
        seed.stableAndCanary(model);
        Instant now = Instant.now().plusSeconds(1);
        seed.observations(model, "v2", "canary", now, 5, 3, 4, 2);
        seed.observations(model, "v1", "stable", now.minus(1, ChronoUnit.HOURS), 6, 1, 10, 10);

        WebDriver browser = HeadlessChromium.start(1400, 1000);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signIn(browser, wait, model);
            wait.until(d -> d.findElement(By.id("work")).isDisplayed());
            wait.until(d -> text(d, "phase").equals("CANARY"));
            assertThat(text(browser, "stable")).isEqualTo("v1");
            assertThat(text(browser, "canary")).isEqualTo("v2");
            assertThat(text(browser, "weight")).isEqualTo("10%");
            // canary: 5 of 8 GOOD calls agreed, Wilson lower bound 34.8%
            assertThat(browser.findElement(By.cssSelector("#evidence tbody tr")).getText())
                    .contains("canary", "v2", "14", "12", "8", "5", "62.5%", "34.8%");
            assertThat(browser.findElements(By.cssSelector("#version-table tbody tr"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("#plots .plot-row svg"))).hasSize(4);
            wait.until(d -> !d.findElements(By.cssSelector("#chart-good-rate polyline.series, "
                    + "#chart-good-rate circle.point")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#chart-precision circle.point"))).isNotEmpty();

            // for a person reviewing the page: what the operator saw before acting
            Files.write(Path.of("target", "operators-page.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('versions').scrollIntoView()");
            Files.write(Path.of("target", "operators-page-versions.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            // the charts span the selected window: stable's traffic of an hour ago shows over the last day only
            assertThat(browser.findElements(By.cssSelector("#chart-good-rate [data-series='stable']"))).isEmpty();
            new Select(browser.findElement(By.id("window"))).selectByValue("1d");
            wait.until(d -> !d.findElements(By.cssSelector("#chart-good-rate [data-series='stable']")).isEmpty());
            // what cannot act is not offered: a running canary cannot be resumed or unpinned
            assertThat(browser.findElement(By.id("act-resume")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("act-unpin")).isDisplayed()).isFalse();

            browser.findElement(By.id("act-rollback")).click();
            wait.until(d -> d.findElement(By.id("reason-dialog")).isDisplayed());
            browser.findElement(By.id("reason")).sendKeys("canary calls too many spreads GOOD");
            browser.findElement(By.id("reason-ok")).click();
            wait.until(d -> text(d, "phase").equals("IDLE") && text(d, "canary").equals("—"));
            WebElement newest = browser.findElement(By.cssSelector("#history-table tbody tr"));
            assertThat(newest.getText()).contains("rolled-back", "operator1", "canary calls too many spreads GOOD");
            assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();

            // a refused action shows the problem+json detail
            ((JavascriptExecutor) browser).executeScript("ask('canary', 'never-registered')");
            browser.findElement(By.id("reason")).sendKeys("try it");
            browser.findElement(By.id("reason-ok")).click();
            wait.until(d -> d.findElement(By.id("error")).isDisplayed());
            assertThat(text(browser, "error")).contains("not registered");
        } finally {
            browser.quit();
        }
        List<RolloutEvent> history = QuarkusTransaction.requiringNew()
                .call(() -> RolloutEvent.<RolloutEvent>list("modelName = ?1 order by id", model));
        RolloutEvent last = history.get(history.size() - 1);
        assertThat(last.action).isEqualTo("rolled-back-by-operator");
        assertThat(last.actor).isEqualTo("operator1");
        assertThat(last.reason).isEqualTo("canary calls too many spreads GOOD");
        assertThat(QuarkusTransaction.requiringNew().call(() -> rollouts.stateOf(model)).canaryVersion).isNull();
    }

    @Test
    void aModelWithoutARolloutWaitsForAFirstEligibleModelWithoutAnError() throws Exception {
        String model = "page-none-" + UUID.randomUUID();
        WebDriver browser = HeadlessChromium.start(1400, 1000);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signIn(browser, wait, model);
            wait.until(d -> d.findElement(By.id("no-rollout")).isDisplayed());
            assertThat(text(browser, "no-rollout")).isEqualTo("no rollout yet — waiting for a first eligible model");
            assertThat(browser.findElement(By.id("rollout-actions")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("evidence")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        } finally {
            browser.quit();
        }
    }

    /** Opens the page on {@code model} and signs in as operator1. */
    private void signIn(WebDriver browser, WebDriverWait wait, String model) {
        browser.get(page + "?model=" + model);
        wait.until(d -> d.findElement(By.id("login")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys("operator1");
        browser.findElement(By.id("password")).sendKeys("operator1-pass", Keys.ENTER);
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }
}
