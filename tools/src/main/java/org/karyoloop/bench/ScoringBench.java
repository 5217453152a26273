package org.karyoloop.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
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
import org.karyoloop.events.ImageIngested;
import org.karyoloop.events.RolloutStateChanged;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.ingest.ImageIngestService;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.preprocess.SpreadTranslator;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.platform.blob.FileSystemBlobStore;

/**
 * The measuring half of bench/scoring.sh (method there): (a) a tight decode, preprocess and
 * batchPredict loop in this process at its best batch size; (b) the running scoring role fed through
 * Kafka, at full speed and then paced at 70 % of it for latency. Prints both, the CPU per image of each stage
 * (decode, measure, infer, commit, relay) and a RESULT line.
 */
public final class ScoringBench {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern SERVING_V1 = Pattern.compile("\"stable\"\\s*:\\s*\"v1\"");

    /**
     * Timed runs of (a) and of (b) over all N images; each side's best counts. A single 300-image run of the bare
     * loop alone varied 80-116 images/s between runs of the same command.
     */
    private static final int RUNS = Integer.getInteger("runs", 3);

    /** The model this run serves: other services on the shared broker may score the same images too. */
    private static String model;
    /** The modality ingest would have recorded, per image (by SHA-256). */
    private static final Map<String, String> MODALITY = new HashMap<>();
    /** CPU nanoseconds of the bare loop's stages: decode, measure (preprocess), infer (the predicting thread). */
    private static final java.util.concurrent.atomic.AtomicLongArray BARE_CPU = new java.util.concurrent.atomic.AtomicLongArray(
            3);

    private ScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "300");
        int size = Integer.parseInt(args.length > 1 ? args[1] : "1024");
        String service = System.getProperty("service", "http://127.0.0.1:8091");
        String modelName = System.getProperty("model", "bench");
        model = modelName;
        FileSystemBlobStore blobs = new FileSystemBlobStore(() -> System.getProperty("blobs"));

        System.out.printf("generating %d PNGs of %dx%d (bright-field and fluorescence spreads) ...%n", n, size, size);
        List<byte[]> pngs = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        // Unique images per run: a service of another run on the shared broker would score equal bytes too.
        for (BenchImages.Image image : BenchImages.realistic(n, size, Long.getLong("seed", 42))) {
            String sha = ImageIngestService.sha256(image.png());
            pngs.add(image.png());
            shas.add(sha);
            MODALITY.put(sha, image.modality());
            blobs.put(sha, image.png());
        }
        String management = System.getProperty("management", "http://127.0.0.1:18091");
        ModelVersionSpec spec = BenchModel.spec(modelName);
        byte[] params = Files.readAllBytes(Path.of(System.getProperty("params")));

        CpuAccount cpu = new CpuAccount(System.getProperty("pids"));
        double bare = bare(spec, params, pngs, cpu);
        register(service, spec, params);
        rollout(modelName);
        awaitServing(management);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // Warm-up, as the bare loop had one: the same images once through the service, untimed, so that (b)
            // measures the service as it runs for days, not its JIT compiling Kafka, Hibernate and DJL paths.
            // Cycled through the N images (with new image ids) up to -Dwarmup images: perf showed the C1/C2 compilers
            // still taking a fifth of the cores after 150.
            List<String> warmUp = new ArrayList<>();
            for (int i = 0; i < Integer.getInteger("warmup", 600); i++) {
                warmUp.add(shas.get(i % shas.size()));
            }
            // Rounds of it, each followed by a quiet spell as (b) is, until a round spends under 3 % of the
            // machine's CPU in the JIT compilers: -XX:+PrintCompilation showed each idle-to-burst switch
            // deoptimising and recompiling hundreds of Kafka, JDBC and Jackson methods, so one round left the
            // compilers a sixth of (b)'s CPU.
            for (int round = 1; round <= Integer.getInteger("warmup.rounds", 5); round++) {
                Map<String, Long> before = cpu.snapshot();
                long compiling = cpu.compilerTicks();
                double rate = endToEnd(producer, warmUp, blobs);
                double share = cpu.share(before, cpu.compilerTicks() - compiling);
                System.out.printf("warm-up round %d through the service: %d images, %.1f images/s, JIT compilers "
                        + "%.0f %% of the machine's CPU%n", round, warmUp.size(), rate, share * 100);
                cpu.awaitQuietCompilers();
                if (share < 0.03) {
                    break;
                }
            }
            double scoring = 0;
            double serviceCpuMs = 0;
            for (int run = 1; run <= RUNS; run++) {
                Map<String, Long> before = cpu.snapshot();
                Map<String, Double> stages = ServiceMetrics.stageCpu(management, "karyoloop_scoring");
                long t0 = System.nanoTime();
                double r = endToEnd(producer, shas, blobs);
                Map<String, Long> after = cpu.snapshot();
                System.out.printf("scoring role through Kafka, all %d images (new ids), run %d: %.1f images/s%n",
                        shas.size(), run, r);
                System.out.println("(b) " + CpuAccount.report(before, after, shas.size(),
                        (System.nanoTime() - t0) / 1e9));
                System.out.printf(java.util.Locale.ROOT, "(b) CPU ms per image by stage: %s, infer %.2f, relay %.2f "
                        + "(worker counters; inference and outbox-relay threads)%n",
                        ServiceMetrics.perImage(stages, ServiceMetrics.stageCpu(management, "karyoloop_scoring"),
                                shas.size()),
                        CpuAccount.threadMsPerItem(before, after, shas.size(), "service", "infer-"),
                        CpuAccount.threadMsPerItem(before, after, shas.size(), "service", "outbox-relay"));
                scoring = Math.max(scoring, r);
                serviceCpuMs += CpuAccount.msPerItem(before, after, shas.size(), "service") / RUNS;
                cpu.awaitQuietCompilers();
            }
            Map<String, Long> beforePaced = cpu.snapshot();
            long pacedStart = System.nanoTime();
            double[] latency = paced(producer, shas, blobs, scoring * 0.7);
            System.out.println("(b) paced: " + CpuAccount.report(beforePaced, cpu.snapshot(), shas.size(),
                    (System.nanoTime() - pacedStart) / 1e9));
            System.out.printf("bare loop (a): %.1f images/s; scoring role through Kafka (b): %.1f images/s%n", bare,
                    scoring);
            System.out.printf("(b) at 70%% of its maximum (%.1f images/s): p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, "
                    + "max %.0f ms%n", scoring * 0.7, latency[0], latency[1], latency[2], latency[3]);
            System.out.printf(java.util.Locale.ROOT, "RESULT model=%s scoring_per_s=%.1f bare_per_s=%.1f ratio=%.2f "
                    + "p50_ms=%.0f p90_ms=%.0f p99_ms=%.0f max_ms=%.0f service_cpu_ms=%.1f bare_cpu_ms=%.1f%n",
                    spec.architecture(), scoring, bare, scoring / bare, latency[0], latency[1], latency[2], latency[3],
                    serviceCpuMs, bareCpuMs);
        }
    }

    /** (a): decode and preprocess a batch on all cores, batchPredict it; the best of batch sizes 8, 16, 32. */
    private static double bare(ModelVersionSpec spec, byte[] params, List<byte[]> pngs, CpuAccount cpu)
            throws Exception {
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(1L << 30, 100_000_000));
        SpreadTranslator translator = spec.translator();
        try (Model model = ModelArtifacts.load(spec, params, Device.cpu());
                Predictor<SpreadInput, float[]> predictor = model.newPredictor(translator)) {
            loop(pngs.subList(0, Math.min(pngs.size(), 32)), 8, decoder, translator, predictor); // JIT warm-up
            int best = 8;
            double bestRate = 0;
            for (int batch : new int[] {8, 16, 32}) {
                double rate = loop(pngs.subList(0, Math.min(pngs.size(), 96)), batch, decoder, translator, predictor);
                System.out.printf("bare loop, batch %d: %.1f images/s (96 images)%n", batch, rate);
                if (rate > bestRate) {
                    bestRate = rate;
                    best = batch;
                }
            }
            double rate = 0;
            for (int run = 1; run <= RUNS; run++) {
                Map<String, Long> before = cpu.snapshot();
                long t0 = System.nanoTime();
                double r = loop(pngs, best, decoder, translator, predictor);
                System.out.printf("bare loop, batch %d over all %d images, run %d: %.1f images/s%n", best,
                        pngs.size(), run, r);
                System.out.println("(a) " + CpuAccount.report(before, cpu.snapshot(), pngs.size(),
                        (System.nanoTime() - t0) / 1e9));
                rate = Math.max(rate, r);
                bareCpuMs += CpuAccount.msPerItem(before, cpu.snapshot(), pngs.size(), "bench JVM") / RUNS;
            }
            System.out.printf(java.util.Locale.ROOT, "(a) CPU ms per image by stage (every bare run): decode %.2f, "
                    + "measure %.2f, infer %.2f (the predicting thread; its intra-op threads not counted)%n",
                    BARE_CPU.get(0) / 1e6 / bareImages, BARE_CPU.get(1) / 1e6 / bareImages,
                    BARE_CPU.get(2) / 1e6 / bareImages);
            return rate;
        }
    }

    /**
     * Decoding and preprocessing on all cores feed a bounded queue; this thread takes full batches and
     * calls batchPredict, so decoding overlaps inference as in the service, without Kafka or a database.
     */
    private static double loop(List<byte[]> pngs, int batch, ImageDecoder decoder, SpreadTranslator translator,
            Predictor<SpreadInput, float[]> predictor) throws Exception {
        java.util.concurrent.BlockingQueue<SpreadInput> ready = new java.util.concurrent.ArrayBlockingQueue<>(64);
        java.util.concurrent.ExecutorService decoders = java.util.concurrent.Executors
                .newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        for (byte[] png : pngs) {
            decoders.submit(() -> {
                long c0 = IngestBareLoop.CpuClock.now();
                var decoded = decoder.decode(png);
                long c1 = IngestBareLoop.CpuClock.now();
                SpreadInput input = translator.prepare(decoded);
                BARE_CPU.addAndGet(0, c1 - c0);
                BARE_CPU.addAndGet(1, IngestBareLoop.CpuClock.now() - c1);
                ready.put(input);
                return null;
            });
        }
        int done = 0;
        while (done < pngs.size()) {
            List<SpreadInput> inputs = new ArrayList<>();
            inputs.add(ready.take());
            while (inputs.size() < batch && done + inputs.size() < pngs.size()) {
                inputs.add(ready.take());
            }
            long c0 = IngestBareLoop.CpuClock.now();
            predictor.batchPredict(inputs);
            BARE_CPU.addAndGet(2, IngestBareLoop.CpuClock.now() - c0);
            done += inputs.size();
        }
        bareImages += pngs.size();
        double rate = pngs.size() / ((System.nanoTime() - t0) / 1e9);
        decoders.shutdown();
        return rate;
    }

    /** The bench JVM's CPU milliseconds per image in (a), the mean over the timed runs. */
    private static double bareCpuMs;

    /** Images through {@link #loop} so far (warm-up included): what {@link #BARE_CPU} is divided by. */
    private static int bareImages;

    /** (b) at full speed: produce all events at once, time until every decision is out of the outbox. */
    private static double endToEnd(KafkaProducer<String, byte[]> producer, List<String> shas,
            FileSystemBlobStore blobs) throws Exception {
        try (KafkaConsumer<String, byte[]> scored = atEnd("images.scored")) {
            Map<String, Long> pending = new HashMap<>();
            long t0 = System.nanoTime();
            for (String sha : shas) {
                ImageIngested event = event(sha, blobs);
                pending.put(event.imageId().toString(), System.nanoTime());
                producer.send(new ProducerRecord<>("images.ingested", event.imageId().toString(),
                        JSON.writeValueAsBytes(event)));
            }
            producer.flush();
            await(scored, pending, null);
            return shas.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** (b) paced at {@code rate}: latency from send to the ImageScored event, p50, p90, p99 and max in ms. */
    private static double[] paced(KafkaProducer<String, byte[]> producer, List<String> shas, FileSystemBlobStore blobs,
            double rate) throws Exception {
        try (KafkaConsumer<String, byte[]> scored = atEnd("images.scored")) {
            Map<String, Long> sent = new HashMap<>();
            List<Double> latencies = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < shas.size(); i++) {
                long due = t0 + (long) (i * 1e9 / rate);
                // a poll returns as soon as records come; waiting in it, not spinning, leaves the cores to the service
                for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                    poll(scored, sent, latencies, Math.max(1, (due - now) / 1_000_000));
                }
                ImageIngested event = event(shas.get(i), blobs);
                sent.put(event.imageId().toString(), System.nanoTime());
                producer.send(new ProducerRecord<>("images.ingested", event.imageId().toString(),
                        JSON.writeValueAsBytes(event)));
                producer.flush();
            }
            await(scored, sent, latencies);
            return BenchImages.distribution(latencies);
        }
    }

    private static void await(KafkaConsumer<String, byte[]> scored, Map<String, Long> pending, List<Double> latencies)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            poll(scored, pending, latencies, 100);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size() + " images not scored in time");
        }
    }

    private static void poll(KafkaConsumer<String, byte[]> scored, Map<String, Long> pending, List<Double> latencies,
            long ms) throws Exception {
        for (ConsumerRecord<String, byte[]> r : scored.poll(Duration.ofMillis(ms))) {
            if (!pending.containsKey(r.key())) {
                continue;
            }
            JsonNode e = JSON.readTree(r.value());
            if (!model.equals(e.path("modelName").asText())) {
                continue;
            }
            Long sentAt = pending.remove(r.key());
            if (sentAt != null) {
                if (latencies != null) {
                    latencies.add((System.nanoTime() - sentAt) / 1e6);
                }
            }
        }
    }

    private static ImageIngested event(String sha, FileSystemBlobStore blobs) {
        return new ImageIngested(UUID.randomUUID(), Instant.now(), 1, UUID.randomUUID(), sha, blobs.uri(sha), "PNG",
                0, 0, 8, 0, "bench", "bench", null, 0, 0, 0, 0, MODALITY.get(sha));
    }

    /** Registers v1 through the operator's REST import path (multipart: artifact + metadata). */
    static void register(String service, ModelVersionSpec spec, byte[] params) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + JSON.writeValueAsString(spec) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"artifact\"; filename=\"v1.params\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(params);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(service + "/api/models/" + spec.modelName() + "/versions"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        System.getProperty("auth", "").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("registered v1 over REST: %d%n", response.statusCode());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.body());
        }
    }

    static void rollout(String modelName) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>("models.rollout", modelName, JSON.writeValueAsBytes(
                    new RolloutStateChanged(UUID.randomUUID(), Instant.now(), 1, modelName, "v1", null, 0, null, 0,
                            false, "bench", "benchmark"))))
                    .get();
        }
    }

    /** Waits until the service's readiness, on its management interface at {@code management}, names v1 serving. */
    static void awaitServing(String management) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            String body = http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (SERVING_V1.matcher(body).find()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service never served v1");
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static KafkaConsumer<String, byte[]> atEnd(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        c.partitionsFor(topic).forEach(info -> parts.add(new TopicPartition(topic, info.partition())));
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position);
        return c;
    }
}
