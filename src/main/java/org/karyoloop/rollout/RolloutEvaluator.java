package org.karyoloop.rollout;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Evaluates running canaries at a fixed interval. Runs only in a process with the rollout role; the
 * scheduler never runs two evaluations at once (concurrent execution is skipped).
 */
@ApplicationScoped
public class RolloutEvaluator {

    private final RolloutService rollouts;

    public RolloutEvaluator(RolloutService rollouts) {
        this.rollouts = rollouts;
    }

    @Scheduled(every = "${karyoloop.rollout.evaluation-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = RoleDisabled.class)
    void evaluate() {
        rollouts.evaluateAll();
    }

    /** Skips the evaluation where this process does not run the rollout role. */
    @ApplicationScoped
    public static class RoleDisabled implements Scheduled.SkipPredicate {
        @Override
        public boolean test(ScheduledExecution execution) {
            return !ConfigProvider.getConfig().getValue("karyoloop.role.rollout", Boolean.class);
        }
    }
}
