package org.karyoloop.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.testing.KafkaTestClient;
import org.karyoloop.testing.SpreadImages;

/**
 * The modality recorded with every image, on the image row and in images.ingested: detected from the content, or
 * configured for the source ({@code %test.karyoloop.ingest.modality."scope-inverted-dapi"}).
 */
@QuarkusTest
class ImageModalityIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    KafkaTestClient kafka;
    KafkaTestClient.Watch ingested;

    @BeforeEach
    void watch() {
        kafka = new KafkaTestClient();
        ingested = kafka.watch("images.ingested");
    }

    @AfterEach
    void close() {
        ingested.close();
        kafka.close();
    }

    @Test
    void brightFieldSpreadIsRecordedAsBrightfield() throws Exception {
        assertRecorded(SpreadImages.brightfieldPng(512), "scope-detect", "brightfield");
    }

    @Test
    void fluorescenceSpreadIsRecordedAsFluorescence() throws Exception {
        assertRecorded(SpreadImages.fluorescencePng(512), "scope-detect", "fluorescence");
    }

    @Test
    void sourceConfiguredAsInvertedFluorescenceOverridesWhatItsImagesLookLike() throws Exception {
        // Dark on light like bright-field, but this source is configured: fluorescence stored inverted.
        assertRecorded(SpreadImages.brightfieldPng(512), "scope-inverted-dapi", "fluorescence-inverted");
    }

    private void assertRecorded(byte[] png, String source, String modality) throws Exception {
        String sha = ImageIngestService.sha256(png);
        String id = given().auth().preemptive().basic("labsys1", "labsys1-pass").contentType("image/png")
                .header("X-Source-Id", source).body(png)
                .when().post("/api/images")
                .then().statusCode(201).extract().path("id");

        given().auth().preemptive().basic("operator1", "operator1-pass").when().get("/api/images/" + id)
                .then().statusCode(200).body("modality", org.hamcrest.Matchers.equalTo(modality));
        List<ConsumerRecord<String, byte[]>> events = ingested.await(r -> KafkaTestClient.hasSha(r, sha), 1, WAIT);
        assertThat(events).hasSize(1);
        JsonNode event = mapper.readTree(events.get(0).value());
        assertThat(event.get("imageId").asText()).isEqualTo(id);
        assertThat(event.get("modality").asText()).isEqualTo(modality);
    }
}
