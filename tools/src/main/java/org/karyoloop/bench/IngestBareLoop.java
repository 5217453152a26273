package org.karyoloop.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.GrayHistogram;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.imaging.IntensityStats;
import org.karyoloop.ingest.ImageIngestService;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.ml.spread.ModalityDetector;
import org.karyoloop.platform.blob.FileSystemBlobStore;

/**
 * The irreducible work of ingesting images.raw records, in this JVM and nothing more: read each record with a plain
 * consumer, then on {@code workers} threads (as many as the service's ingest workers) SHA-256 the bytes, decode and
 * verify them with {@link ImageDecoder} at ingest's default limits, compute the intensity statistics and detect the
 * modality from one histogram (as ingest does for a source without a configured modality), write the blob
 * with fsync and an atomic rename ({@link FileSystemBlobStore}, as the service does) and commit one row over JDBC
 * (autocommit, one transaction per image). No dedupe query, no outbox, no event. Records the CPU time of each stage
 * per image. Not thread-safe (one benchmark thread calls {@link #run}).
 */
final class IngestBareLoop {

    /** The stages timed, in the order of {@link #cpuMsPerImage}. */
    static final List<String> STAGES = List.of("read", "hash", "decode", "blob", "commit");

    private final AtomicLongArray cpuNanos = new AtomicLongArray(STAGES.size());
    private final String jdbcUrl;
    private final FileSystemBlobStore blobs;
    private final int workers;
    private int images;

    IngestBareLoop(String jdbcUrl, Path blobRoot, int workers) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.blobs = new FileSystemBlobStore(() -> blobRoot.toString());
        this.workers = workers;
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_bare_image (sha256 text PRIMARY KEY, format text, width int,"
                    + " height int, mean double precision, std double precision, received_at timestamptz, modality text)");
        }
    }

    /** Ingests the {@code n} records after {@code start} on {@code topic}; images per second. */
    double run(String topic, Map<Integer, Long> start, int n) throws Exception {
        ImageDecoder decoder = new ImageDecoder(new ImageLimits(50_331_648L, 50_000_000L));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(this::connect);
        Semaphore inFlight = new Semaphore(2 * workers);
        List<Future<?>> done = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> raw = IngestBench.consumer()) {
            List<TopicPartition> parts = new ArrayList<>();
            start.keySet().forEach(p -> parts.add(new TopicPartition(topic, p)));
            raw.assign(parts);
            parts.forEach(tp -> raw.seek(tp, start.get(tp.partition())));
            long t0 = System.nanoTime();
            int seen = 0;
            while (seen < n) {
                long cpu = CpuClock.now();
                var records = raw.poll(Duration.ofMillis(100));
                add(0, cpu);
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (seen++ >= n) {
                        break;
                    }
                    inFlight.acquire();
                    byte[] bytes = r.value();
                    done.add(pool.submit(() -> {
                        try {
                            ingest(bytes, decoder, connections.get());
                        } finally {
                            inFlight.release();
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
            images += n;
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private void ingest(byte[] bytes, ImageDecoder decoder, Connection db) throws Exception {
        long cpu = CpuClock.now();
        String sha = ImageIngestService.sha256(bytes);
        cpu = add(1, cpu);
        DecodedImage image = decoder.decode(bytes);
        GrayHistogram histogram = GrayHistogram.of(image);
        IntensityStats stats = IntensityStats.of(histogram);
        Modality modality = ModalityDetector.detect(histogram);
        cpu = add(2, cpu);
        blobs.put(sha, bytes);
        cpu = add(3, cpu);
        try (PreparedStatement insert = db
                .prepareStatement("INSERT INTO bench_bare_image VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, sha);
            insert.setString(2, image.format().name());
            insert.setInt(3, image.width());
            insert.setInt(4, image.height());
            insert.setDouble(5, stats.mean());
            insert.setDouble(6, stats.std());
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.setString(8, modality.wire());
            insert.executeUpdate();
        }
        add(4, cpu);
    }

    private long add(int stage, long since) {
        long now = CpuClock.now();
        cpuNanos.addAndGet(stage, now - since);
        return now;
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + jdbcUrl, e);
        }
    }

    /** CPU milliseconds per image of each stage over every run so far, e.g. {@code read 0.4, hash 0.5, ...}. */
    String cpuMsPerImage() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < STAGES.size(); i++) {
            out.append(String.format(Locale.ROOT, "%s%s %.2f", i == 0 ? "" : ", ", STAGES.get(i),
                    cpuNanos.get(i) / 1e6 / Math.max(1, images)));
        }
        return out.toString();
    }

    /** The calling thread's CPU time in nanoseconds. */
    static final class CpuClock {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
                .getThreadMXBean();

        private CpuClock() {
        }

        static long now() {
            return THREADS.getCurrentThreadCpuTime();
        }
    }
}
