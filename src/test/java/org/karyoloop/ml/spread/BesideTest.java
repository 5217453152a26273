package org.karyoloop.ml.spread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BesideTest {

    @Test
    void aStepOfferedWhileACoreIsIdleRunsOnAnotherThread() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs two cores");
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Beside<Integer> step = Beside.start(() -> {
            ranOn.set(Thread.currentThread());
            return 42;
        });
        assumeTrue(step.offered(), "no core idle: measurements of another test were running");
        await().atMost(Duration.ofSeconds(10)).until(() -> ranOn.get() != null);

        assertThat(step.join()).isEqualTo(42);
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getName()).startsWith("measure-beside-");
    }

    @Test
    void whileEveryCoreMeasuresTheMeasuringThreadComputesTheStepItself() {
        List<Beside.Running> running = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            running.add(Beside.measuring());
        }
        try {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            Beside<Integer> step = Beside.start(() -> {
                ranOn.set(Thread.currentThread());
                return 7;
            });

            assertThat(step.offered()).isFalse();
            assertThat(step.join()).isEqualTo(7);
            assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        } finally {
            running.forEach(Beside.Running::close);
        }
    }

    @Test
    void aFailingStepFailsTheMeasurementWithItsOwnException() {
        Beside<Integer> step = Beside.start(() -> {
            throw new IllegalArgumentException("no stain");
        });

        assertThatThrownBy(step::join).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no stain");
    }
}
