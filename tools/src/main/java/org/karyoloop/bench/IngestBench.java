package org.karyoloop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The measuring half of bench/ingest.sh (see the method there): produces N unique ~1 MP 8-bit PNGs to images.raw,
 * times until the running service has emitted ImageIngested for all of them, then times {@link IngestBareLoop} — the
 * irreducible work of ingest in this JVM — over the very same records. Prints both, the CPU each side spent per
 * image (whole processes, and per stage) and a RESULT line.
 */
public final class IngestBench {

    /** The bare loop's copy of images.raw on this run's private broker, which the service does not read. */
    private static final String BARE_TOPIC = "bench.bare.raw";
    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "300");
        int size = Integer.parseInt(args.length > 1 ? args[1] : "1024");
        int warm = Integer.getInteger("warmup", 150);
        String management = System.getProperty("management", "http://127.0.0.1:18089");
        System.out.printf("generating %d + %d (warm-up) PNGs of %dx%d ...%n", n, warm, size, size);
        Random random = new Random(42);
        List<byte[]> warmUp = generate(warm, size, random);
        List<byte[]> images = generate(n, size, random);
        System.out.printf("mean PNG size %.0f KB%n", images.stream().mapToLong(b -> b.length).sum() / 1024.0 / n);
        CpuAccount cpu = new CpuAccount(System.getProperty("pids"));
        IngestBareLoop bare = new IngestBareLoop(System.getProperty("jdbc"), java.nio.file.Path.of(
                System.getProperty("bare.blobs", ".run/bench-bare-blobs")), Integer.getInteger("workers", 6));

        awaitStableGroup(System.getProperty("group"));
        try (KafkaConsumer<String, byte[]> ingested = eventConsumer();
                KafkaProducer<String, byte[]> producer = producer()) {
            atEnd(ingested, "images.ingested");
            // Warm-up, untimed, for both sides: the service's JIT compiles decode, Kafka, Hibernate and outbox paths,
            // the bare loop's the same decode, hash, blob and JDBC paths; the figures below are the steady state.
            // Rounds of new images (ingest dedupes by content) until a round spends under 3 % of the machine's CPU
            // in the JIT compilers, at most -Dwarmup.rounds. A method the service runs once per image reaches the
            // optimising compiler only after thousands of images, so after four rounds of 150 the compilers still
            // took ~5 ms of the service's CPU per image of the timed run: a warm-up, not a steady cost. Later
            // rounds send the first round's pictures again, each made new bytes by a text chunk naming its round.
            for (int round = 1; round <= Integer.getInteger("warmup.rounds", 30); round++) {
                List<byte[]> batch = round == 1 ? warmUp : renamed(warmUp, round);
                Map<Integer, Long> warmStart = endOffsets("images.raw");
                Map<String, Long> cpuBefore = cpu.snapshot();
                long compiling = cpu.compilerTicks();
                double rate = pass(producer, ingested, batch)[1];
                bare.run("images.raw", warmStart, warm);
                double share = cpu.share(cpuBefore, cpu.compilerTicks() - compiling);
                System.out.printf("warm-up round %d: %d images through the service at %.1f images/s, then the bare "
                        + "loop; JIT compilers %.0f %% of the machine's CPU%n", round, warm, rate, share * 100);
                cpu.awaitQuietCompilers();
                if (share < 0.03) {
                    break;
                }
            }

            Map<Integer, Long> rawStart = endOffsets("images.raw");
            Map<String, Long> before = cpu.snapshot();
            Map<String, Double> stagesBefore = ServiceMetrics.stageCpu(management, "karyoloop_ingest");
            long t0 = System.nanoTime();
            double[] timed = pass(producer, ingested, images);
            double ingestPerS = timed[1];
            Map<String, Long> after = cpu.snapshot();
            System.out.printf("produced %d records in %.2f s; all ingested after %.2f s: %.1f images/s%n", n,
                    timed[0], n / ingestPerS, ingestPerS);
            System.out.println("service " + CpuAccount.report(before, after, n, (System.nanoTime() - t0) / 1e9));
            System.out.println("service CPU ms per image by stage (worker threads): " + ServiceMetrics.perImage(
                    stagesBefore, ServiceMetrics.stageCpu(management, "karyoloop_ingest"), n));
            double serviceMs = CpuAccount.msPerItem(before, after, n, "service", "postgres", "broker");

            // The bare loop reads the same records from a topic of its own, produced while it runs, as images.raw
            // is while the service runs: both sides share the cores with the producer and the broker's writes.
            String bareStages = bare.cpuMsPerImage();
            Map<Integer, Long> bareStart = createBareTopic();
            before = cpu.snapshot();
            t0 = System.nanoTime();
            Thread sender = new Thread(() -> send(producer, images, BARE_TOPIC), "bench-producer");
            sender.start();
            double barePerS = bare.run(BARE_TOPIC, bareStart, n);
            sender.join();
            after = cpu.snapshot();
            System.out.printf("bare loop over the same %d records (produced to %s meanwhile): %.1f images/s%n", n,
                    BARE_TOPIC, barePerS);
            System.out.println("bare " + CpuAccount.report(before, after, n, (System.nanoTime() - t0) / 1e9));
            System.out.println("bare loop CPU ms per image by stage (warm-up and timed run): " + bare.cpuMsPerImage()
                    + " (warm-up alone: " + bareStages + ")");
            // the bench JVM's producing is load, not ingest: left out as the service's side leaves it out
            double bareMs = CpuAccount.msPerItem(before, after, n, "bench JVM", "postgres", "broker")
                    - CpuAccount.threadMsPerItem(before, after, n, "bench JVM", "bench-producer")
                    - CpuAccount.threadMsPerItem(before, after, n, "bench JVM", "kafka-producer");
            System.out.printf("CPU ms per image: service %.1f (service + PostgreSQL + broker), bare %.1f "
                    + "(bench JVM without its producer + PostgreSQL + broker)%n", serviceMs, bareMs);
            System.out.printf(java.util.Locale.ROOT, "RESULT ingest_per_s=%.1f bare_per_s=%.1f ratio=%.2f "
                    + "service_cpu_ms=%.1f bare_cpu_ms=%.1f%n", ingestPerS, barePerS, ingestPerS / barePerS,
                    serviceMs, bareMs);
        }
    }

    private static List<byte[]> generate(int n, int size, Random random) throws Exception {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(spreadLikePng(size, random));
        }
        return images;
    }

    /** {@code images}, each with a PNG text chunk naming {@code round} before its end: the same pixels, new bytes. */
    private static List<byte[]> renamed(List<byte[]> images, int round) {
        List<byte[]> out = new ArrayList<>(images.size());
        for (byte[] png : images) {
            out.add(withTextChunk(png, "karyoloop-bench", "warm-up round " + round));
        }
        return out;
    }

    /** {@code png} with a tEXt chunk ({@code key}, {@code text}) inserted before its 12-byte IEND chunk. */
    static byte[] withTextChunk(byte[] png, String key, String text) {
        byte[] data = (key + '\0' + text).getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        int iend = png.length - 12;
        byte[] out = new byte[png.length + chunk.capacity()];
        System.arraycopy(png, 0, out, 0, iend);
        System.arraycopy(chunk.array(), 0, out, iend, chunk.capacity());
        System.arraycopy(png, iend, out, iend + chunk.capacity(), 12);
        return out;
    }

    /**
     * Produces {@code images} to images.raw as fast as the producer goes and waits until ImageIngested was seen for
     * every one; returns {seconds to produce, images/s from the first send to the last ImageIngested}.
     */
    private static double[] pass(KafkaProducer<String, byte[]> producer, KafkaConsumer<String, byte[]> ingested,
            List<byte[]> images) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> pending = new HashSet<>();
        for (byte[] png : images) {
            pending.add(sha256(png));
        }
        long t0 = System.nanoTime();
        send(producer, images, "images.raw");
        double produceS = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : ingested.poll(Duration.ofMillis(100))) {
                pending.remove(mapper.readTree(r.value()).path("sha256").asText());
            }
        }
        if (!pending.isEmpty()) {
            System.out.printf("TIMEOUT: %d of %d images not ingested%n", pending.size(), images.size());
            System.exit(1);
        }
        return new double[] {produceS, images.size() / ((System.nanoTime() - t0) / 1e9)};
    }

    /** Produces {@code images} to {@code topic} as fast as the producer goes; waits for the acks. */
    private static void send(KafkaProducer<String, byte[]> producer, List<byte[]> images, String topic) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (byte[] png : images) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("content-type", "image/png".getBytes(StandardCharsets.UTF_8));
            headers.add("source-id", "bench-scope".getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(new ProducerRecord<>(topic, null, UUID.randomUUID().toString(), png, headers)));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("producing to " + topic + " failed", e);
        }
    }

    /**
     * Creates {@link #BARE_TOPIC} on this run's private broker, partitioned as images.raw and as large a record
     * allowed; returns its (empty) partitions' start offsets.
     */
    private static Map<Integer, Long> createBareTopic() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            int partitions = admin.describeTopics(List.of("images.raw")).allTopicNames().get().get("images.raw")
                    .partitions().size();
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(BARE_TOPIC, partitions, (short) 1)
                    .configs(Map.of("max.message.bytes", "33554432")))).all().get();
        }
        return endOffsets(BARE_TOPIC);
    }

    /** A light, unevenly lit background with dark rods and blobs and sensor noise: compresses like a real spread. */
    static byte[] spreadLikePng(int size, Random random) throws Exception {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        double cx = random.nextDouble() * size;
        double cy = random.nextDouble() * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = Math.hypot(x - cx, y - cy) / size;
                px[y * size + x] = (byte) Math.max(0, Math.min(255, 225 - 30 * d + random.nextGaussian() * 4));
            }
        }
        for (int rod = 0; rod < 46; rod++) {
            int x0 = random.nextInt(size);
            int y0 = random.nextInt(size);
            double angle = random.nextDouble() * Math.PI;
            int length = 20 + random.nextInt(60);
            for (int t = 0; t < length; t++) {
                int x = (int) (x0 + Math.cos(angle) * t);
                int y = (int) (y0 + Math.sin(angle) * t);
                for (int w = -3; w <= 3; w++) {
                    int xx = x + w;
                    if (xx >= 0 && xx < size && y >= 0 && y < size) {
                        px[y * size + xx] = (byte) ((t / 5) % 2 == 0 ? 50 : 110);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 33554432);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static KafkaConsumer<String, byte[]> consumer() {
        return consumer(Map.of(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 67108864,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 134217728));
    }

    /** A consumer on this run's broker, offsets never committed, with {@code settings} on top. */
    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> settings) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.putAll(settings);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The consumer that watches images.ingested for the end of a pass: it fetches what 100 ms brought (or 1 MB) at a
     * time, not each event on its own, so that watching costs the broker little of the CPU the service's side is
     * charged with; the end of a pass is seen at most 100 ms late (under 1 % of a timed pass).
     */
    private static KafkaConsumer<String, byte[]> eventConsumer() {
        return consumer(Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                100));
    }

    private static List<TopicPartition> atEnd(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> parts = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(info -> parts.add(new TopicPartition(topic, info.partition())));
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position);
        return parts;
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> c = consumer()) {
            Map<Integer, Long> ends = new HashMap<>();
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(topic).forEach(info -> parts.add(new TopicPartition(topic, info.partition())));
            c.endOffsets(parts).forEach((tp, off) -> ends.put(tp.partition(), off));
            return ends;
        }
    }

    /** Waits until the service's consumer group has its partitions, so no record is produced before it listens. */
    private static void awaitStableGroup(String group) throws Exception {
        if (group == null) {
            return;
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                var description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
                boolean assigned = description.members().stream()
                        .anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
                if (assigned && description.groupState() == org.apache.kafka.common.GroupState.STABLE) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("consumer group " + group + " never got its partitions");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
