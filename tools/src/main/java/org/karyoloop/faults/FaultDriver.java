package org.karyoloop.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.karyoloop.testing.TestImages;

/**
 * Load and counting for the fault scripts (faults/*.sh): streams unique small PNGs to images.raw or to
 * {@code POST /api/images} at a steady rate, as a microscope or lab system would (retrying what the service or
 * the broker could not take yet), and counts a run's records on a topic. Every image of a run carries the run id
 * as its source id and {@code <run>-<n>} as its idempotency key, so the database can be counted per run.
 * Prints one {@code key=value} line that the scripts parse.
 */
public final class FaultDriver {

    private FaultDriver() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "kafka" -> kafka(args[1], args[2], Integer.parseInt(args[3]), Double.parseDouble(args[4]));
            case "rest" -> rest(args[1], args[2], Integer.parseInt(args[3]), Double.parseDouble(args[4]), args[5]);
            case "topic" -> topic(args[1], args[2], args[3]);
            case "labels" -> labels(args[1]);
            case "corpus" -> corpus(args[1], args[2], args[3], Integer.parseInt(args[4]), args[5]);
            case "corpus-files" -> corpusFiles(Path.of(args[1]), args.length > 2 ? Long.parseLong(args[2]) : 1);
            default -> {
                System.err.println("usage: FaultDriver kafka BOOTSTRAP RUN COUNT RATE | rest URL RUN COUNT RATE"
                        + " USER:PASS | topic BOOTSTRAP TOPIC RUN | labels BOOTSTRAP (image ids on stdin)"
                        + " | corpus URL BOOTSTRAP RUN ROUNDS USER:PASS | corpus-files DIR [SEED]");
                System.exit(2);
            }
        }
    }

    /** Writes the bad-input corpus (with the 50 MiB file) to {@code dir}, pixels from {@code seed}. */
    static void corpusFiles(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        List<BadInputCorpus.Entry> entries = new java.util.ArrayList<>(BadInputCorpus.entries(seed));
        entries.add(BadInputCorpus.huge(seed));
        for (BadInputCorpus.Entry e : entries) {
            Files.write(dir.resolve(e.name() + "--" + e.fileName()), e.bytes());
        }
        System.out.println("wrote " + entries.size() + " files to " + dir);
    }

    /** Produces COUNT images at RATE per second; the producer retries through a broker outage (acks=all). */
    static void kafka(String bootstrap, String run, int count, double rate) throws InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 << 20);
        // A microscope keeps its images until the broker takes them: long enough to outlast the outage scenario.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                pace(start, i, rate);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("images.raw", run + "-" + i,
                        TestImages.uniquePng(128, 96));
                record.headers().add("content-type", utf8("image/png")).add("source-id", utf8(run))
                        .add("idempotency-key", utf8(run + "-" + i)).add("slide-id", utf8(run + "-s" + i % 10));
                producer.send(record, (metadata, e) -> (e == null ? acked : failed).incrementAndGet());
            }
            producer.flush();
        }
        System.out.printf("sent=%d acked=%d failed=%d seconds=%.1f%n", count, acked.get(), failed.get(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * POSTs COUNT images at RATE per second, as a lab system would: an answer of 503 (or no answer) is retried
     * after a second until the image is accepted (201/200) or five minutes passed; counts what it saw.
     */
    static void rest(String url, String run, int count, double rate, String credentials) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        int accepted = 0;
        int unavailable = 0;
        int unavailableProblem = 0;
        int unavailableRetryAfter = 0;
        int refused = 0;
        int other = 0;
        Set<String> otherStatuses = new HashSet<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pace(start, i, rate);
            byte[] png = TestImages.uniquePng(128, 96);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (true) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/images"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", auth)
                        .header("Content-Type", "image/png").header("X-Source-Id", run)
                        .header("Idempotency-Key", run + "-" + i).header("X-Slide-Id", run + "-s" + i % 10)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(png)).build();
                int status;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    if (status == 503) {
                        unavailable++;
                        if (response.headers().firstValue("Content-Type").orElse("")
                                .startsWith("application/problem+json")) {
                            unavailableProblem++;
                        }
                        if (response.headers().firstValue("Retry-After").isPresent()) {
                            unavailableRetryAfter++;
                        }
                    } else if (status != 200 && status != 201) {
                        other++;
                        otherStatuses.add(status + " " + response.body().replaceAll("\\s+", " ")
                                .substring(0, Math.min(120, response.body().length())));
                    }
                } catch (java.io.IOException e) {
                    status = -1;
                    refused++;
                }
                if (status == 200 || status == 201) {
                    accepted++;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf("sent=%d accepted=%d answered503=%d problem503=%d retryAfter503=%d noAnswer=%d other=%d"
                + " seconds=%.1f%n", count, accepted, unavailable, unavailableProblem, unavailableRetryAfter, refused,
                other, (System.nanoTime() - start) / 1e9);
        otherStatuses.stream().limit(5).forEach(s -> System.err.println("other answer: " + s));
    }

    /**
     * Acts as doctors: one final doctor label (LabelSubmitted, schema 1) per image id read from stdin, grades
     * GOOD, FAIR, POOR in turn, to labels.submitted.
     */
    static void labels(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        String[] grades = {"GOOD", "FAIR", "POOR"};
        int n = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer());
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        System.in, StandardCharsets.UTF_8))) {
            for (String id = in.readLine(); id != null; id = in.readLine()) {
                if (id.isBlank()) {
                    continue;
                }
                String json = String.format("{\"eventId\":\"%s\",\"occurredAt\":\"%s\",\"schemaVersion\":1,"
                        + "\"imageId\":\"%s\",\"labelId\":\"%s\",\"taskId\":\"%s\",\"doctor\":\"faults-doctor\","
                        + "\"grade\":\"%s\",\"flags\":[],\"readKind\":\"single\",\"finalLabel\":true,"
                        + "\"origin\":\"doctor\"}", java.util.UUID.randomUUID(), java.time.Instant.now(), id.strip(),
                        java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), grades[n % 3]);
                producer.send(new ProducerRecord<>("labels.submitted", id.strip(), utf8(json))).get();
                n++;
            }
        }
        System.out.printf("labels=%d%n", n);
    }

    /**
     * Sends the bad-input corpus ROUNDS times (fresh pixels each round) through REST (the 50 MiB file included)
     * and images.raw (without it: the topic refuses it); counts the REST answers by status.
     */
    static void corpus(String url, String bootstrap, String run, int rounds, String credentials) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 << 20);
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int produced = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int round = 0; round < rounds; round++) {
                List<BadInputCorpus.Entry> entries = new java.util.ArrayList<>(BadInputCorpus.entries(round * 7919L));
                for (BadInputCorpus.Entry e : entries) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>("images.raw", e.name(), e.bytes());
                    record.headers().add("content-type", utf8(e.contentType())).add("source-id", utf8(run));
                    producer.send(record);
                    produced++;
                }
                entries.add(BadInputCorpus.huge(round));
                for (BadInputCorpus.Entry e : entries) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/images"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                            .header("Content-Type", e.contentType()).header("X-Source-Id", run + "-rest")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(e.bytes())).build();
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    statuses.merge(status, 1, Integer::sum);
                }
            }
            producer.flush();
        }
        System.out.printf("rounds=%d produced=%d rest=%s%n", rounds, produced, statuses);
    }

    /** Reads TOPIC from the beginning and counts the records whose value mentions RUN, and their distinct keys. */
    static void topic(String bootstrap, String topic, String run) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            int records = 0;
            Set<String> keys = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(run)) {
                        records++;
                        keys.add(r.key());
                    }
                }
            }
            System.out.printf("records=%d distinct=%d%n", records, keys.size());
        }
    }

    private static void pace(long start, int i, double rate) throws InterruptedException {
        long due = start + (long) (i / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
