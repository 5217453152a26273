package org.karyoloop.scoring.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.TestModels;
import org.karyoloop.ml.preprocess.SpreadInput;
import org.karyoloop.ml.registry.ModelArtifacts;
import org.karyoloop.ml.registry.ModelVersionSpec;

/**
 * Micro-batches with a real DJL model and a maximum delay far longer than any test waits: announced inputs are
 * waited for and share a batch; with nothing announced, or an announcement withdrawn, an input runs at once.
 */
class MicroBatchingTest {

    /** Longer than every wait below: a batch that ran, ran because nothing more was on its way. */
    private static final Duration MAX_DELAY = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<Integer> batches = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(3);
    private ServedModel model;

    @BeforeEach
    void start() throws Exception {
        ModelVersionSpec spec = TestModels.spec("batching", "v1", 0.5);
        model = ServedModel.start(spec, ModelArtifacts.load(spec, TestModels.spreadNetParams(3, 1), Device.cpu()),
                new ServingSettings(8, MAX_DELAY, 16, 1, 0), new BatchListener() {
                    @Override
                    public void batchDone(String version, int size, long nanos) {
                        batches.add(size);
                    }

                    @Override
                    public void batchFailed(String version, int size, Exception e) {
                    }
                });
    }

    @AfterEach
    void stop() throws InterruptedException {
        workers.shutdownNow();
        model.retire(Duration.ofSeconds(5));
    }

    @Test
    void anInputWithNothingElseOnItsWayIsPredictedWithoutWaitingForABatch() throws Exception {
        try (ServedModel.Expected expected = model.expect()) {
            assertThat(expected.predict(blank(), WAIT)).hasSize(3);
        }
        assertThat(batches).containsExactly(1);
    }

    @Test
    void announcedInputsAreWaitedForAndShareOneBatch() throws Exception {
        ServedModel.Expected first = model.expect();
        ServedModel.Expected second = model.expect();
        ServedModel.Expected third = model.expect();
        Future<float[]> a = workers.submit(() -> first.predict(blank(), WAIT));
        Thread.sleep(300); // the others are still "decoding"; the batch must not run with one input
        Future<float[]> b = workers.submit(() -> second.predict(blank(), WAIT));
        Thread.sleep(300);
        Future<float[]> c = workers.submit(() -> third.predict(blank(), WAIT));

        for (Future<float[]> f : List.of(a, b, c)) {
            assertThat(f.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasSize(3);
        }
        assertThat(batches).containsExactly(3);
    }

    @Test
    void aWithdrawnAnnouncementDoesNotHoldTheBatch() throws Exception {
        ServedModel.Expected used = model.expect();
        ServedModel.Expected abandoned = model.expect(); // e.g. its image turned out undecodable
        Future<float[]> a = workers.submit(() -> used.predict(blank(), WAIT));
        Thread.sleep(300);
        abandoned.close();

        assertThat(a.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasSize(3);
        assertThat(batches).containsExactly(1);
        assertThatThrownBy(() -> used.predict(blank(), WAIT)).isInstanceOf(IllegalStateException.class);
    }

    private static SpreadInput blank() {
        return SpreadInput.prepared(new float[TestModels.INPUT * TestModels.INPUT]);
    }
}
