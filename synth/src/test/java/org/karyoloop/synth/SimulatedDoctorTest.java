package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated doctor against a fake annotation API: what it claims, fetches, answers and skips. */
class SimulatedDoctorTest {

    private static final byte[] GOOD_IMAGE = "good image bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] POOR_IMAGE = "poor image bytes".getBytes(StandardCharsets.UTF_8);
    private static final byte[] STRANGER = "not from the microscope".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private HttpServer server;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private final List<String> answers = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private Path manifest;

    @BeforeEach
    void fakeAnnotationApi() throws IOException {
        manifest = dir.resolve("manifest.jsonl");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/annotation/claims", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] next = queue.peek();
            if (next == null) {
                reply(exchange, 204, "");
                return;
            }
            String id = SimulatedDoctor.sha256(next).substring(0, 8);
            reply(exchange, 200, "{\"itemId\":\"" + id + "\",\"taskId\":\"" + id + "\",\"kind\":\"read\","
                    + "\"imageUrl\":\"/api/annotation/tasks/" + id + "/image\"}");
        });
        server.createContext("/api/annotation/tasks/", exchange -> {
            byte[] image = queue.peek();
            exchange.sendResponseHeaders(200, image.length);
            exchange.getResponseBody().write(image);
            exchange.close();
        });
        server.createContext("/api/annotation/items/", exchange -> {
            queue.poll();
            String path = exchange.getRequestURI().getPath();
            answers.add(path.substring(path.lastIndexOf('/') + 1) + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            reply(exchange, path.endsWith("/label") ? 201 : 204, path.endsWith("/label") ? "{}" : "");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void labelsEachImageWithItsTrueGradeFromTheManifest() throws Exception {
        appendTruth(GOOD_IMAGE, Grade.GOOD, 100);
        appendTruth(POOR_IMAGE, Grade.POOR, 40);
        queue.add(GOOD_IMAGE);
        queue.add(POOR_IMAGE);
        SimulatedDoctor doctor = doctor(0.0);

        assertEquals(SimulatedDoctor.Outcome.LABELED, doctor.reviewNext());
        assertEquals(SimulatedDoctor.Outcome.LABELED, doctor.reviewNext());
        assertEquals(SimulatedDoctor.Outcome.NOTHING_TO_DO, doctor.reviewNext());

        assertEquals(2, answers.size());
        assertTrue(answers.get(0).startsWith("label ") && answers.get(0).contains("\"grade\":\"GOOD\""),
                answers.get(0));
        assertTrue(answers.get(1).contains("\"grade\":\"POOR\""), answers.get(1));
        String expected = "Basic "
                + Base64.getEncoder().encodeToString("doctor1:secret".getBytes(StandardCharsets.UTF_8));
        assertTrue(authorizations.stream().allMatch(expected::equals), "every call signs in as the doctor");
    }

    @Test
    void skipsAnImageTheManifestDoesNotKnowInsteadOfGuessing() throws Exception {
        appendTruth(GOOD_IMAGE, Grade.GOOD, 100);
        queue.add(STRANGER);

        assertEquals(SimulatedDoctor.Outcome.SKIPPED, doctor(0.0).reviewNext());

        assertEquals(1, answers.size());
        assertTrue(answers.get(0).startsWith("skip ") && answers.get(0).contains(SimulatedDoctor.UNKNOWN_IMAGE));
    }

    @Test
    void findsTruthsTheMicroscopeAppendedAfterTheDoctorStarted() throws Exception {
        SimulatedDoctor doctor = doctor(0.0);
        appendTruth(GOOD_IMAGE, Grade.GOOD, 100);
        queue.add(GOOD_IMAGE);
        assertEquals(SimulatedDoctor.Outcome.LABELED, doctor.reviewNext());

        appendTruth(POOR_IMAGE, Grade.POOR, 30);
        queue.add(POOR_IMAGE);
        assertEquals(SimulatedDoctor.Outcome.LABELED, doctor.reviewNext());
        assertTrue(answers.get(1).contains("\"grade\":\"POOR\""));
    }

    @Test
    void disagreesWithTheTruthAboutAsOftenAsItsLabelModelSays() {
        ManifestEntry good = entry(GOOD_IMAGE, Grade.GOOD, 100);
        SplittableRandom random = new SplittableRandom(3);
        LabelModel model = new DoctorLabelModel(0.2, 0.9);
        int differ = 0;
        for (int i = 0; i < 10_000; i++) {
            differ += SimulatedDoctor.answer(good, model, random) == Grade.GOOD ? 0 : 1;
        }
        assertEquals(0.2, differ / 10_000.0, 0.015);
    }

    private SimulatedDoctor doctor(double disagreement) {
        return new SimulatedDoctor(new AnnotationClient("http://127.0.0.1:" + server.getAddress().getPort(),
                "doctor1", "secret"), new TruthIndex(manifest), new DoctorLabelModel(disagreement, 0.9),
                new SplittableRandom(1));
    }

    private void appendTruth(byte[] image, Grade grade, int score) throws IOException {
        Files.writeString(manifest, ManifestWriter.toJson(entry(image, grade, score)) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static ManifestEntry entry(byte[] image, Grade grade, int score) {
        // Only the fields the doctor reads; the rest of a real manifest line is ignored here.
        String json = "{\"sha256\":\"" + SimulatedDoctor.sha256(image) + "\",\"trueGrade\":\"" + grade
                + "\",\"truth\":{\"score\":" + score + ",\"grade\":\"" + grade + "\"}}";
        return ManifestWriter.fromJson(json);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
