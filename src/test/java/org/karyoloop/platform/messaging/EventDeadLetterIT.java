package org.karyoloop.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karyoloop.testing.KafkaTestClient;

/**
 * Every event topic's consumers dead-letter a record that is not the topic's event, and one that lacks a required
 * field, to the topic's dead-letter topic with the original bytes and headers, reason {@code invalid-event}, a
 * detail and where it came from; against the real broker and database. (On a broker shared with other checkouts'
 * test runs their consumers may dead-letter the same records too, so the checks are per dead letter found.)
 */
@QuarkusTest
class EventDeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "labeling.requests | labeling.requests.dlq | {\"eventId\":\"%s\",\"reason\":\"uncertain\"}",
        "images.scored     | images.scored.dlq     | {\"eventId\":\"%s\",\"scored\":true}",
        "labels.submitted  | labels.submitted.dlq  | {\"eventId\":\"%s\",\"finalLabel\":true}",
        "images.ingested   | images.ingested.dlq   | {\"eventId\":\"%s\"}",
        "training.requests | training.requests.dlq | {\"eventId\":\"%s\",\"modelName\":\" \"}",
        "models.candidates | models.candidates.dlq | {\"modelVersion\":\"%s\",\"eligible\":true}",
        "models.serving    | models.serving.dlq    | [\"%s\"]"})
    void unreadableAndIncompleteEventsAreDeadLetteredWithReasonAndOriginalBytes(String topic, String dlqTopic,
            String incompleteTemplate) {
        String marker = UUID.randomUUID().toString();
        byte[] unreadable = ("not json " + marker).getBytes(StandardCharsets.UTF_8);
        byte[] incomplete = incompleteTemplate.formatted(marker).getBytes(StandardCharsets.UTF_8);
        try (KafkaTestClient kafka = new KafkaTestClient(); KafkaTestClient.Watch dlq = kafka.watch(dlqTopic)) {
            kafka.send(topic, marker, unreadable, Map.of("source-id", marker));
            kafka.send(topic, marker, incomplete, Map.of("source-id", marker));

            assertThat(dlq.await(r -> Arrays.equals(r.value(), unreadable), 1, WAIT)).as("unreadable dead-lettered")
                    .isNotEmpty();
            assertThat(dlq.await(r -> Arrays.equals(r.value(), incomplete), 1, WAIT)).as("incomplete dead-lettered")
                    .isNotEmpty();
            List<ConsumerRecord<String, byte[]>> dead = dlq.drain(r -> marker.equals(r.key()), Duration.ZERO);

            assertThat(dead).as("only these records, byte for byte").allSatisfy(r -> assertThat(
                    Arrays.equals(r.value(), unreadable) || Arrays.equals(r.value(), incomplete)).isTrue());
            assertThat(dead).allSatisfy(r -> {
                assertThat(KafkaTestClient.header(r, "dead-letter-reason")).isEqualTo("invalid-event");
                assertThat(KafkaTestClient.header(r, "dead-letter-detail")).isNotBlank();
                assertThat(KafkaTestClient.header(r, "dead-letter-topic")).isEqualTo(topic);
                assertThat(KafkaTestClient.header(r, "dead-letter-offset")).isNotBlank();
                assertThat(KafkaTestClient.header(r, "source-id")).isEqualTo(marker);
            });
        }
    }
}
