package org.karyoloop.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karyoloop.testing.TestImages;

/**
 * bench/annotation.sh's client: D doctors (each its own HTTP client and session cookie) loop claim →
 * fetch image → submit against the running service: a warm-up (-Dwarmup seconds, default 60), then a phase
 * without think time (capacity), then a phase where each doctor looks at the image for -Dthink ms on average
 * (default 2000) before submitting; then the same clients call the trivial authenticated GET /api/me. Prints
 * per-phase figures and the RESULT line: capacity, p99 of claim+submit at work, trivial capacity.
 * Args: baseUrl jdbcUrl blobRoot doctors tasks seconds.
 */
public final class AnnotationBench {

    private static final Pattern ITEM = Pattern.compile("\"itemId\":\"([0-9a-f-]+)\"");
    private static final Pattern URL = Pattern.compile("\"imageUrl\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int doctors = Integer.parseInt(args[3]);
        int tasks = Integer.parseInt(args[4]);
        Duration phase = Duration.ofSeconds(Long.parseLong(args[5]));
        seed(args[1], Path.of(args[2]), tasks);
        List<HttpClient> clients = new ArrayList<>();
        for (int d = 0; d < doctors; d++) {
            clients.add(signIn(base, "benchdoc" + d));
        }
        // Warm-up: on 2 cores the JIT needs about a minute of this traffic before the hot paths leave the
        // interpreter (perf showed 22% of the request threads' time in the interpreter after a 3 s warm-up).
        run(clients, Duration.ofSeconds(Long.getLong("warmup", 60)), 0, (c) -> labelOne(c, base, 0));
        // Capacity: every doctor goes straight to the next image (a closed loop without think time).
        long[] capacity = run(clients, phase, 0, (c) -> labelOne(c, base, 0));
        // At work: each doctor looks at the image for THINK ms on average (uniform 0.5-1.5x) before submitting.
        // The phase starts after the capacity phase's backlog has drained (-Dsettle ms, default 5000), and each
        // doctor starts at a random point of one think time, as doctors do: started in the same millisecond, the
        // 50 first claims were one burst that no clinic produces, and it made most of the phase's p99.
        long think = Long.getLong("think", 2000);
        Thread.sleep(Long.getLong("settle", 5000));
        Duration atWorkPhase = Duration.ofSeconds(Long.getLong("atWorkSeconds", 3 * phase.toSeconds()));
        long[] atWork = run(clients, atWorkPhase, think, (c) -> labelOne(c, base, think));
        long[] trivial = run(clients, phase, 0, (c) -> {
            long t0 = System.nanoTime();
            check(c.send(get(base + "/api/me"), HttpResponse.BodyHandlers.discarding()), 200);
            return System.nanoTime() - t0;
        });
        double capacityRate = capacity.length / (double) phase.toSeconds();
        double trivialRate = trivial.length / (double) phase.toSeconds();
        System.out.printf("capacity, no think time: %d cycles in %ds; claim+submit p50 %.1f ms, p99 %.1f ms%n",
                capacity.length, phase.toSeconds(), pct(capacity, 50), pct(capacity, 99));
        System.out.printf(
                "%d doctors at work, %d ms mean think time: %d cycles in %ds (%.1f/s); claim+submit p50 %.1f ms,"
                        + " p99 %.1f ms%n",
                clients.size(), think, atWork.length, atWorkPhase.toSeconds(),
                atWork.length / (double) atWorkPhase.toSeconds(), pct(atWork, 50), pct(atWork, 99));
        System.out.printf("GET /api/me: %d in %ds; p50 %.1f ms, p99 %.1f ms%n", trivial.length, phase.toSeconds(),
                pct(trivial, 50), pct(trivial, 99));
        System.out.printf("RESULT claim_submit_per_s=%.1f p99_ms=%.1f trivial_per_s=%.1f%n", capacityRate,
                pct(atWork, 99), trivialRate);
        System.exit(0);
    }

    /** One cycle; returns the nanoseconds spent in claim + submit (the image fetch is not counted). */
    private static long labelOne(HttpClient c, String base, long thinkMs) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> claim = c.send(post(base + "/api/annotation/claims", null),
                HttpResponse.BodyHandlers.ofString());
        long claimed = System.nanoTime() - t0;
        if (claim.statusCode() == 204) {
            throw new IllegalStateException("the bench ran out of tasks: raise TASKS");
        }
        check(claim, 200);
        Matcher item = ITEM.matcher(claim.body());
        Matcher url = URL.matcher(claim.body());
        item.find();
        url.find();
        check(c.send(get(base + url.group(1)), HttpResponse.BodyHandlers.discarding()), 200);
        if (thinkMs > 0) {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMs / 2, thinkMs * 3 / 2 + 1));
        }
        long t1 = System.nanoTime();
        check(c.send(post(base + "/api/annotation/items/" + item.group(1) + "/label", "{\"grade\":\"POOR\"}"),
                HttpResponse.BodyHandlers.discarding()), 201);
        return claimed + System.nanoTime() - t1;
    }

    private interface Step {
        long run(HttpClient client) throws Exception;
    }

    /** Every client loops {@code step} until {@code time} is over, each first waiting a random 0..stagger ms. */
    private static long[] run(List<HttpClient> clients, Duration time, long staggerMs, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long end = System.nanoTime() + time.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (HttpClient c : clients) {
            results.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                if (staggerMs > 0) {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(staggerMs + 1));
                }
                while (System.nanoTime() < end) {
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = step.run(c);
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    private static HttpClient signIn(String base, String user) throws Exception {
        // HTTP/1.1, as a browser talks to a plain-HTTP service (browsers use HTTP/2 only over TLS); the JDK client would
        // otherwise upgrade to h2c (JFR then showed worker threads waiting in VertxInputStream for small JSON bodies).
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .build();
        HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + user + "-pass"))
                .build();
        check(c.send(login, HttpResponse.BodyHandlers.discarding()), 200);
        return c;
    }

    private static void seed(String jdbcUrl, Path blobRoot, int tasks) throws Exception {
        byte[] png = TestImages.uniquePng(512, 512);
        String sha = org.karyoloop.ingest.ImageIngestService.sha256(png);
        Path blob = blobRoot.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.createDirectories(blob.getParent());
        Files.write(blob, png);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(false);
            try (PreparedStatement t = db.prepareStatement("""
                    insert into labeling_task (id, image_id, sha256, request_event_id, reason, priority, reads_required,
                                               state) values (?, ?, ?, ?, 'uncertainty', ?, 1, 'open')""");
                    PreparedStatement i = db.prepareStatement("""
                    insert into labeling_item (id, task_id, kind, read_no, priority, status)
                    values (?, ?, 'read', 1, ?, 'queued')""")) {
                for (int n = 0; n < tasks; n++) {
                    UUID task = UUID.randomUUID();
                    double priority = Math.random();
                    t.setObject(1, task);
                    t.setObject(2, UUID.randomUUID());
                    t.setString(3, sha);
                    t.setObject(4, UUID.randomUUID());
                    t.setDouble(5, priority);
                    t.addBatch();
                    i.setObject(1, UUID.randomUUID());
                    i.setObject(2, task);
                    i.setDouble(3, priority);
                    i.addBatch();
                }
                t.executeBatch();
                i.executeBatch();
            }
            db.commit();
        }
        System.out.printf("seeded %d tasks, image %d bytes%n", tasks, png.length);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static HttpRequest post(String url, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        return json == null ? b.POST(HttpRequest.BodyPublishers.noBody()).build()
                : b.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private static void check(HttpResponse<?> r, int expected) {
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().uri() + " -> " + r.statusCode() + " " + r.body());
        }
    }
}
