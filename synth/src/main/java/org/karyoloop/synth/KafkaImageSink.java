package org.karyoloop.synth;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends images as Kafka records: value = the encoded bytes, key = their SHA-256, headers = {@link CaptureHeaders}.
 * Thread-safe (the producer is). Delivery: at least once; the idempotent producer removes its own
 * retry duplicates, and ingest deduplicates re-sends by SHA-256.
 */
final class KafkaImageSink extends CountingImageSink {

    /** Largest record the producer accepts: a 1-megapixel PNG is well under 2 MiB, a raw 16-bit frame under 32. */
    static final int MAX_REQUEST_SIZE = 32 * 1024 * 1024;

    private final Producer<String, byte[]> producer;
    private final String topic;

    KafkaImageSink(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** A sink with its own producer connected to a broker. */
    static KafkaImageSink connect(String bootstrapServers, String topic) {
        return new KafkaImageSink(
                new KafkaProducer<>(properties(bootstrapServers), new StringSerializer(), new ByteArraySerializer()),
                topic);
    }

    static Properties properties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "karyoloop-synth-microscope");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_REQUEST_SIZE));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(4L * MAX_REQUEST_SIZE));
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        // Without a broker, fail within seconds instead of blocking send() for the default minute.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        return props;
    }

    static ProducerRecord<String, byte[]> record(String topic, EncodedImage image, CaptureHeaders headers) {
        return new ProducerRecord<>(topic, null, image.sha256(), image.bytes(), headers.kafkaHeaders());
    }

    @Override
    public void send(EncodedImage image, CaptureHeaders headers) {
        producer.send(record(topic, image, headers), (metadata, error) -> {
            if (error == null) {
                acknowledge();
            } else {
                fail(error.toString());
            }
        });
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
