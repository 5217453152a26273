package org.karyoloop.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.karyoloop.events.Grade;
import org.karyoloop.events.LabelingRequested;
import org.karyoloop.ml.spread.NotSpreadReason;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.testing.TestImages;
import org.karyoloop.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The doctors' page end to end in Debian's headless Chromium: sign in, see each spread's modality and, for one
 * that scoring measured as not a spread, the verdict with its reason, label the three with the keys 1, 2 and 3,
 * and find the three labels stored. Skipped where chromium or chromedriver is absent.
 */
@QuarkusTest
@EnabledIf("org.karyoloop.testing.HeadlessChromium#present")
class DoctorsPageIT {

    @TestHTTPResource("/annotate/")
    URL page;

    @Inject
    TaskIntake intake;
    @Inject
    BlobStore blobs;
    @Inject
    LabelReader labels;

    @Test
    void doctorSeesEachImagesModalityAndVerdictAndLabelsThreeSpreadsByKeyboard() throws Exception {
        List<LabelingRequested> requests = new ArrayList<>();
        // What scoring measured of each spread, in the order the page shows them (by priority).
        List<String> modalities = List.of("brightfield", "fluorescence-inverted", "fluorescence");
        List<String> shownModalities = List.of("bright-field", "fluorescence, stored inverted", "fluorescence");
        List<String> notSpreadReasons = Arrays.asList(null, "karyogram", null);
        for (int i = 0; i < 3; i++) {
            byte[] png = TestImages.uniquePng(640, 480);
            String sha = org.karyoloop.ingest.ImageIngestService.sha256(png);
            blobs.put(sha, png);
            LabelingRequested r = Requests.forReads(1, 9000 - i);
            r = new LabelingRequested(r.eventId(), r.occurredAt(), 1, r.imageId(), sha, r.sourceId(), r.slideId(),
                    r.reason(), r.priority(), r.detail(), r.modelName(), r.modelVersion(), r.arm(), r.pGood(),
                    r.modelGrade(), r.goodThreshold(), null, modalities.get(i), notSpreadReasons.get(i));
            intake.accept(r);
            requests.add(r);
        }
        WebDriver browser = HeadlessChromium.start(1280, 900);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(page.toString());
            wait.until(d -> d.findElement(By.id("login")).isDisplayed());
            browser.findElement(By.id("username")).sendKeys("doctor3");
            browser.findElement(By.id("password")).sendKeys("doctor3-pass", Keys.ENTER);
            wait.until(d -> d.findElement(By.id("work")).isDisplayed());
            List<String> keys = List.of("1", "2", "3");
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                String shown = wait.until(d -> {
                    String item = d.findElement(By.id("spread")).getAttribute("data-item");
                    Object loaded = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                            "const i = document.getElementById('spread'); return i.complete && i.naturalWidth > 0;");
                    return item != null && !item.isEmpty() && Boolean.TRUE.equals(loaded) ? item : null;
                });
                WebElement modality = browser.findElement(By.id("modality"));
                WebElement verdict = browser.findElement(By.id("verdict"));
                assertThat(modality.isDisplayed()).isTrue();
                assertThat(modality.getText()).isEqualTo(shownModalities.get(i));
                if (notSpreadReasons.get(i) == null) {
                    assertThat(verdict.isDisplayed()).as("a spread has no not-a-spread verdict").isFalse();
                } else {
                    assertThat(verdict.isDisplayed()).isTrue();
                    assertThat(verdict.getText()).isEqualTo("not a metaphase spread: "
                            + NotSpreadReason.KARYOGRAM.description());
                }
                new Actions(browser).sendKeys(key).perform();
                wait.until(d -> !shown.equals(d.findElement(By.id("spread")).getAttribute("data-item")));
            }
            wait.until(d -> d.findElement(By.id("progress")).getText().contains("today: 3"));
        } finally {
            browser.quit();
        }
        List<String> grades = new ArrayList<>();
        for (LabelingRequested r : requests) {
            List<LabelView> stored = labels.ofImage(r.imageId());
            assertThat(stored).hasSize(1);
            assertThat(stored.get(0).doctor()).isEqualTo("doctor3");
            grades.add(stored.get(0).grade());
        }
        assertThat(grades).containsExactly(Grade.GOOD.name(), Grade.FAIR.name(), Grade.POOR.name());
    }
}
