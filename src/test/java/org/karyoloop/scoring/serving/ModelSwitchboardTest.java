package org.karyoloop.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.ModelServingChanged;
import org.karyoloop.events.RolloutStateChanged;
import org.karyoloop.ml.TestModels;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelVersionSpec;

/** Hot swap in one process with real DJL models: atomic, nothing fails, old versions drain and close. */
class ModelSwitchboardTest {

    private static final Map<Integer, byte[]> ARTIFACTS = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ModelSwitchboard board = new ModelSwitchboard(this::load,
            (name, version, arm, status, detail) -> events.add(status + " " + version), Duration.ofSeconds(30));

    @AfterEach
    void close() throws InterruptedException {
        board.close();
    }

    @Test
    void switchUnderContinuousLoadFailsNothingAndHappensAtOnePointInTime() throws Exception {
        board.apply(state("v1", null, 0));
        record Result(String version, Instant routedAt, long generation) {
        }
        List<Result> results = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(6);
        List<Future<?>> futures = new java.util.ArrayList<>();
        for (int w = 0; w < 6; w++) {
            futures.add(workers.submit(() -> {
                float[] blank = new float[TestModels.INPUT * TestModels.INPUT];
                while (running.get()) {
                    try (Lease lease = board.lease(UUID.randomUUID())) {
                        ServedModel model = lease.decision().primary();
                        float[] p = model.predict(SpreadInput.prepared(blank), Duration.ofSeconds(10));
                        assertThat(p).hasSize(3);
                        results.add(new Result(model.version(), lease.routedAt(), lease.generation()));
                    }
                }
                return null;
            }));
        }
        Thread.sleep(700);
        board.apply(state("v2", null, 0));
        Thread.sleep(700);
        running.set(false);
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS); // rethrows any failure of a worker
        }
        workers.shutdown();

        List<Result> v1 = results.stream().filter(r -> r.version().equals("v1")).toList();
        List<Result> v2 = results.stream().filter(r -> r.version().equals("v2")).toList();
        assertThat(v1).isNotEmpty();
        assertThat(v2).isNotEmpty();
        assertThat(v1.size() + v2.size()).isEqualTo(results.size());
        Instant lastV1 = v1.stream().map(Result::routedAt).max(Instant::compareTo).orElseThrow();
        Instant firstV2 = v2.stream().map(Result::routedAt).min(Instant::compareTo).orElseThrow();
        assertThat(lastV1).isBeforeOrEqualTo(firstV2);
        assertThat(v1).allMatch(r -> r.generation() == 1);
        assertThat(v2).allMatch(r -> r.generation() == 2);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> events.contains(ModelServingChanged.RETIRED + " v1"));
        assertThat(events).containsSubsequence(ModelServingChanged.ACTIVATED + " v1",
                ModelServingChanged.ACTIVATED + " v2", ModelServingChanged.RETIRED + " v1");
    }

    @Test
    void versionThatFailsToLoadIsReportedAndThePreviousKeepsServing() throws Exception {
        board.apply(state("v1", null, 0));
        board.apply(state("broken", null, 0));

        assertThat(events).contains(ModelServingChanged.LOAD_FAILED + " broken");
        assertThat(board.current().stable().version()).isEqualTo("v1");
        try (Lease lease = board.lease(UUID.randomUUID())) {
            assertThat(lease.decision().primary().predict(SpreadInput.prepared(
                    new float[TestModels.INPUT * TestModels.INPUT]), Duration.ofSeconds(10))).hasSize(3);
        }
    }

    @Test
    void canaryAndShadowAreRoutedStickilyAndShadowNeverDecides() throws Exception {
        board.apply(state("v1", "v2", 30, "v3", 50));
        int canary = 0;
        for (int i = 0; i < 2_000; i++) {
            UUID id = UUID.randomUUID();
            try (Lease lease = board.lease(id)) {
                Routing.Decision d = lease.decision();
                assertThat(d.primary().version()).isIn("v1", "v2");
                assertThat(d.arm()).isEqualTo(CanaryRouter.inCanary(id, 30) ? Routing.CANARY : Routing.STABLE);
                assertThat(d.shadow() == null ? null : d.shadow().version())
                        .isEqualTo(CanaryRouter.inShadow(id, 50) ? "v3" : null);
                canary += d.arm().equals(Routing.CANARY) ? 1 : 0;
            }
        }
        assertThat(canary / 20.0).isBetween(25.0, 35.0);
    }

    private ServedModel load(String name, String version) throws ModelLoadException, InterruptedException {
        if (version.equals("broken")) {
            throw new ModelLoadException("artifact-unloadable: test", null);
        }
        int seed = Integer.parseInt(version.substring(1));
        ModelVersionSpec spec = TestModels.spec(name, version, 0.5);
        byte[] params = ARTIFACTS.computeIfAbsent(seed, s -> TestModels.spreadNetParams(3, s));
        return ServedModel.start(spec, ModelArtifacts.load(spec, params, Device.cpu()),
                new ServingSettings(8, Duration.ofMillis(5), 16, 1, 1), new NoBatchListener());
    }

    private static RolloutStateChanged state(String stable, String canary, int weight) {
        return state(stable, canary, weight, null, 0);
    }

    private static RolloutStateChanged state(String stable, String canary, int weight, String shadow, int percent) {
        return new RolloutStateChanged(UUID.randomUUID(), Instant.now(), 1, "m", stable, canary, weight, shadow,
                percent, false, "test", "test");
    }

    private static final class NoBatchListener implements BatchListener {
        @Override
        public void batchDone(String version, int size, long nanos) {
        }

        @Override
        public void batchFailed(String version, int size, Exception e) {
        }
    }
}
