package org.karyoloop.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.karyoloop.scoring.serving.ModelSwitchboard;

/**
 * Wires this replica's {@link ModelSwitchboard} to the registry and the reporter, and retires its models at
 * shutdown.
 */
@ApplicationScoped
public class ScoringRuntime {

    @Produces
    @Singleton
    ModelSwitchboard switchboard(RegistryModelSource source, ServingReporter reporter, ScoringConfig config) {
        return new ModelSwitchboard(source, reporter, config.drainTimeout());
    }

    /** At shutdown, before the database goes: drain and close the served versions, reporting them retired. */
    void close(@Observes ShutdownEvent event, ModelSwitchboard switchboard) throws InterruptedException {
        switchboard.close();
    }
}
