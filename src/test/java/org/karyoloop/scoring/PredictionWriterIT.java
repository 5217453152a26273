package org.karyoloop.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.scoring.serving.Lease;
import org.karyoloop.scoring.serving.Routing;

/**
 * The prediction writer's group commit against the real database: many workers recording at once each get
 * their own outcome, an image is recorded once however many deliveries race, and one bad record fails only
 * its own caller.
 */
@QuarkusTest
class PredictionWriterIT {

    private static final int WORKERS = 24;

    @Inject
    PredictionWriter writer;
    @Inject
    AgroalDataSource db;

    @Test
    void concurrentWorkersEachGetTheirImageRecordedWithOneRowAndOneEvent() throws Exception {
        List<ImageIngested> images = new ArrayList<>();
        for (int i = 0; i < WORKERS * 4; i++) {
            images.add(image(UUID.randomUUID(), UUID.randomUUID()));
        }
        List<Boolean> outcomes = all(images.stream().map(i -> (Callable<Boolean>) () -> record(i)).toList());

        assertThat(outcomes).containsOnly(true).hasSize(images.size());
        for (ImageIngested image : images) {
            assertThat(writer.decided(image.imageId())).isTrue();
            assertThat(count("select count(*) from prediction where image_id = ?", image.imageId())).isEqualTo(1);
            assertThat(count("select count(*) from outbox_event where topic = 'images.scored' and event_key = ?",
                    image.imageId().toString())).isEqualTo(1);
        }
    }

    @Test
    void racingDeliveriesOfOneImageRecordItOnceAndTheOthersLearnTheyLost() throws Exception {
        ImageIngested image = image(UUID.randomUUID(), UUID.randomUUID());
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            deliveries.add(() -> record(image));
        }
        List<Boolean> outcomes = all(deliveries);

        assertThat(outcomes.stream().filter(b -> b).count()).isEqualTo(1);
        assertThat(count("select count(*) from prediction where image_id = ?", image.imageId())).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where topic = 'images.scored' and event_key = ?",
                image.imageId().toString())).isEqualTo(1);
        assertThat(record(image)).isFalse(); // a redelivery after the fact
    }

    @Test
    void aRecordTheDatabaseRefusesFailsOnlyItsOwnCaller() throws Exception {
        List<ImageIngested> good = new ArrayList<>();
        for (int i = 0; i < WORKERS - 1; i++) {
            good.add(image(UUID.randomUUID(), UUID.randomUUID()));
        }
        ImageIngested refused = image(null, UUID.randomUUID()); // ingested_event_id is not null in the schema
        List<Callable<Boolean>> calls = new ArrayList<>(good.stream().map(i -> (Callable<Boolean>) () -> record(i))
                .toList());
        calls.add(WORKERS / 2, () -> record(refused));

        List<Future<Boolean>> futures = start(calls);
        for (int i = 0; i < futures.size(); i++) {
            if (i == WORKERS / 2) {
                int index = i;
                assertThatThrownBy(() -> futures.get(index).get()).isInstanceOf(ExecutionException.class);
            } else {
                assertThat(futures.get(i).get()).isTrue();
            }
        }
        assertThat(writer.decided(refused.imageId())).isFalse();
        for (ImageIngested image : good) {
            assertThat(writer.decided(image.imageId())).isTrue();
        }
    }

    private boolean record(ImageIngested image) {
        return writer.record(image, new Lease(new Routing.Decision(null, Routing.NONE, null), Instant.now(), 1),
                null, null, null);
    }

    private static ImageIngested image(UUID eventId, UUID imageId) {
        return new ImageIngested(eventId, Instant.now(), 1, imageId, "00".repeat(32), "file:///none", "PNG", 0, 0, 8,
                0, "writer-it", "writer-it-slide", null, 0, 0, 0, 0, null);
    }

    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        List<T> out = new ArrayList<>();
        for (Future<T> f : start(calls)) {
            out.add(f.get());
        }
        return out;
    }

    /** Runs the calls on {@value #WORKERS} threads, released together so that their records overlap. */
    private static <T> List<Future<T>> start(List<Callable<T>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CyclicBarrier together = new CyclicBarrier(Math.min(WORKERS, calls.size()));
        try {
            return calls.stream().map(c -> pool.submit(() -> {
                if (calls.indexOf(c) < WORKERS) {
                    together.await();
                }
                return c.call();
            })).toList();
        } finally {
            pool.shutdown();
        }
    }

    private long count(String sql, Object key) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
