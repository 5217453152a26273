package org.karyoloop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.karyoloop.ingest.ImageIngestService;
import org.karyoloop.ml.registry.ModelVersionSpec;

/**
 * bench/e2e.sh's driver: the whole pipeline in {@code all} mode fed through images.raw. Registers and
 * serves a small model, pushes N unique PNGs at once (sustained throughput raw → scored), then N new
 * ones paced at 70% of that rate and measures, per image by SHA-256, the latency from the raw record's
 * send to its ImageScored on images.scored and to its LabelingRequested on labeling.requests.
 */
public final class E2eBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static int sentCount;

    private E2eBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "200");
        int size = Integer.parseInt(args.length > 1 ? args[1] : "1024");
        String service = System.getProperty("service", "http://127.0.0.1:8092");
        String modelName = System.getProperty("model", "bench-e2e");
        ModelVersionSpec spec = BenchModel.spec(modelName);
        ScoringBench.register(service, spec, Files.readAllBytes(Path.of(System.getProperty("params"))));
        ScoringBench.rollout(modelName);
        String management = System.getProperty("management", "http://127.0.0.1:18092");
        ScoringBench.awaitServing(management);
        long seed = System.nanoTime();
        CpuAccount cpu = new CpuAccount(System.getProperty("pids"));
        try (KafkaProducer<String, byte[]> producer = ScoringBench.producer();
                KafkaConsumer<String, byte[]> scored = ScoringBench.atEnd("images.scored");
                KafkaConsumer<String, byte[]> requests = ScoringBench.atEnd("labeling.requests")) {
            List<byte[]> burst = images(n, size, seed);
            List<byte[]> paced = images(n, size, seed + 1);
            Map<String, Long> cpuBefore = cpu.snapshot();
            Map<String, Double> ingestBefore = ServiceMetrics.stageCpu(management, "karyoloop_ingest");
            Map<String, Double> scoringBefore = ServiceMetrics.stageCpu(management, "karyoloop_scoring");
            Map<String, Long> sent = new HashMap<>();
            long t0 = System.nanoTime();
            burst.forEach(png -> send(producer, png, sent));
            producer.flush();
            List<Double> ignored = new ArrayList<>();
            awaitAll(scored, sent, ignored);
            double peak = n / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("sustained raw -> scored: %d images in one burst, %.1f images/s%n", n, peak);

            double rate = peak * 0.7;
            Map<String, Long> pendingScored = new HashMap<>();
            Map<String, Long> pendingRequested = new HashMap<>();
            List<Double> toScored = new ArrayList<>();
            List<Double> toRequested = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < paced.size(); i++) {
                long due = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) {
                    poll(scored, pendingScored, toScored, 1);
                    poll(requests, pendingRequested, toRequested, 0);
                }
                Map<String, Long> one = new HashMap<>();
                send(producer, paced.get(i), one);
                producer.flush();
                pendingScored.putAll(one);
                pendingRequested.putAll(one);
            }
            awaitAll(scored, pendingScored, toScored);
            // Sampling asks about a share of images only: drain what comes within a few seconds.
            long drainUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < drainUntil) {
                poll(requests, pendingRequested, toRequested, 200);
            }
            Map<String, Long> cpuAfter = cpu.snapshot();
            int images = 2 * n;
            System.out.println("both phases: " + CpuAccount.report(cpuBefore, cpuAfter, images,
                    (System.nanoTime() - t0) / 1e9));
            System.out.printf(java.util.Locale.ROOT, "CPU ms per image by stage: ingest %s; scoring %s; infer %.2f, "
                    + "relay %.2f (worker counters; inference and outbox-relay threads)%n",
                    ServiceMetrics.perImage(ingestBefore, ServiceMetrics.stageCpu(management, "karyoloop_ingest"),
                            images),
                    ServiceMetrics.perImage(scoringBefore, ServiceMetrics.stageCpu(management, "karyoloop_scoring"),
                            images),
                    CpuAccount.threadMsPerItem(cpuBefore, cpuAfter, images, "service", "infer-"),
                    CpuAccount.threadMsPerItem(cpuBefore, cpuAfter, images, "service", "outbox-relay"));
            double[] s = percentiles(toScored);
            double[] r = percentiles(toRequested);
            System.out.printf("at 70%% of peak (%.1f images/s): raw -> scored p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, "
                    + "max %.0f ms (%d images)%n", rate, s[0], s[1], s[2], s[3], toScored.size());
            System.out.printf("raw -> labeling.requests p50 %.0f ms, p99 %.0f ms (%d of %d images were requested)%n",
                    r[0], r[2], toRequested.size(), n);
            System.out.printf("E2E model=%s e2e_per_s=%.1f p50_ms=%.0f p90_ms=%.0f p99_ms=%.0f max_ms=%.0f%n",
                    spec.architecture(), peak, s[0], s[1], s[2], s[3]);
        }
    }

    /** Spreads of the generator's bright-field and fluorescence domains (what a lab's microscopes send). */
    private static List<byte[]> images(int n, int size, long seed) throws Exception {
        return BenchImages.realistic(n, size, seed).stream().map(BenchImages.Image::png).toList();
    }

    /** One raw record as a microscope sends it: PNG bytes keyed by their SHA-256, capture headers. */
    private static void send(KafkaProducer<String, byte[]> producer, byte[] png, Map<String, Long> sent) {
        String sha = ImageIngestService.sha256(png);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("images.raw", sha, png);
        record.headers().add("content-type", "image/png".getBytes(StandardCharsets.UTF_8));
        record.headers().add("idempotency-key", sha.getBytes(StandardCharsets.UTF_8));
        record.headers().add("source-id", "bench-e2e".getBytes(StandardCharsets.UTF_8));
        record.headers().add("slide-id", ("bench-e2e-" + (sentCount++ % 50)).getBytes(StandardCharsets.UTF_8));
        sent.put(sha, System.nanoTime());
        producer.send(record);
    }

    private static void awaitAll(KafkaConsumer<String, byte[]> consumer, Map<String, Long> pending,
            List<Double> latencies) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            poll(consumer, pending, latencies, 100);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " images did not arrive in time");
        }
    }

    private static void poll(KafkaConsumer<String, byte[]> consumer, Map<String, Long> pending,
            List<Double> latencies, long ms) throws Exception {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(ms))) {
            JsonNode event = JSON.readTree(r.value());
            Long sentAt = pending.remove(event.path("sha256").asText());
            if (sentAt != null) {
                latencies.add((System.nanoTime() - sentAt) / 1e6);
            }
        }
    }

    private static double[] percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        return BenchImages.distribution(values);
    }
}
