package org.karyoloop.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.Grade;

/**
 * 50 doctors claim and label in parallel against the real database, some abandoning their lease (a
 * closed laptop) and some skipping: every task ends with exactly one final label, every read asked
 * for is given once by distinct doctors, no item is labelled twice, none is lost, and abandoned
 * leases return to the queue once they expire.
 */
@QuarkusTest
class ConcurrentDoctorsIT {

    private static final int DOCTORS = 50;
    private static final int TASKS = 300;

    @Inject
    TaskIntake intake;
    @Inject
    TaskQueue queue;
    @Inject
    LabelService labels;
    @Inject
    AgroalDataSource db;

    @Test
    void fiftyDoctorsLabelEveryTaskOnceAndAbandonedLeasesReturn() throws Exception {
        List<UUID> tasks = new ArrayList<>();
        Map<UUID, Integer> readsOf = new HashMap<>();
        for (int i = 0; i < TASKS; i++) {
            int reads = i % 5 == 0 ? 2 : 1;
            UUID task = intake.accept(Requests.forReads(reads, 100 + ThreadLocalRandom.current().nextDouble()));
            tasks.add(task);
            readsOf.put(task, reads);
        }
        Map<UUID, String> labelledItems = new ConcurrentHashMap<>();
        AtomicInteger doubleHandOuts = new AtomicInteger();
        AtomicInteger abandoned = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(DOCTORS);
        List<Future<?>> doctors = new ArrayList<>();
        for (int d = 0; d < DOCTORS; d++) {
            String doctor = "crowd-" + d;
            doctors.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
                while (System.nanoTime() < deadline) {
                    Optional<ClaimedItem> next = queue.claim(doctor, null);
                    if (next.isEmpty()) {
                        // others may still release items or open adjudications this doctor may take
                        if (unfinished(tasks) == 0) {
                            return null;
                        }
                        Thread.sleep(50);
                        continue;
                    }
                    ClaimedItem item = next.get();
                    double roll = random.nextDouble();
                    if (roll < 0.03 && abandoned.get() < 20) {
                        abandoned.incrementAndGet();
                        expire(item.itemId()); // walks away; the lease runs out
                        continue;
                    }
                    if (roll < 0.06) {
                        queue.release(doctor, item.itemId());
                        continue;
                    }
                    Grade grade = random.nextDouble() < 0.7 ? Grade.POOR : Grade.values()[random.nextInt(3)];
                    LabelView label = labels.submit(doctor, item.itemId(), new LabelInput(grade, null, null, null));
                    if (label.created() && labelledItems.putIfAbsent(item.itemId(), doctor) != null) {
                        doubleHandOuts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : doctors) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(doubleHandOuts.get()).isZero();
        assertThat(abandoned.get()).isPositive();
        try (Connection c = db.getConnection()) {
            Array ids = c.createArrayOf("uuid", tasks.toArray());
            assertThat(single(c, "select count(*) from labeling_task where id = any(?) and state <> 'done'", ids))
                    .as("no task is lost").isZero();
            assertThat(single(c, """
                    select count(*) from labeling_task t where id = any(?)
                       and (select count(*) from label l where l.task_id = t.id and l.is_final) <> 1""", ids))
                    .as("every task has exactly one final label").isZero();
            assertThat(single(c, """
                    select count(*) from labeling_task t where id = any(?)
                       and (select count(*) from label l where l.task_id = t.id and l.read_kind <> 'adjudication')
                           <> t.reads_required""", ids))
                    .as("every read asked for was given exactly once").isZero();
            assertThat(single(c, """
                    select count(*) from (select task_id, doctor from label where task_id = any(?)
                     group by task_id, doctor having count(*) > 1) x""", ids))
                    .as("no doctor read a task twice").isZero();
            assertThat(single(c, """
                    select count(*) from labeling_item where task_id = any(?) and status <> 'done'""", ids)).isZero();
            long labelRows = single(c, "select count(*) from label where task_id = any(?)", ids);
            long reads = readsOf.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(labelRows).isBetween(reads, reads + readsOf.values().stream().filter(r -> r == 2).count());
            assertThat(single(c, """
                    select count(*) from outbox_event where event_type = 'LabelSubmitted'
                       and payload::jsonb ->> 'taskId' = any(?::text[])""",
                    c.createArrayOf("text", tasks.stream().map(UUID::toString).toArray())))
                    .as("one LabelSubmitted per label").isEqualTo(labelRows);
        }
    }

    private long unfinished(List<UUID> tasks) throws Exception {
        try (Connection c = db.getConnection()) {
            return single(c, "select count(*) from labeling_task where id = any(?) and state <> 'done'",
                    c.createArrayOf("uuid", tasks.toArray()));
        }
    }

    private void expire(UUID itemId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update labeling_item set lease_until = now() - interval '1 second' where id = ?")) {
            s.setObject(1, itemId);
            s.executeUpdate();
        }
    }

    private static long single(Connection c, String sql, Array param) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
