package org.karyoloop.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.karyoloop.scoring.serving.ModelSwitchboard;

/** Wires this replica's {@link ModelSwitchboard} to the registry and the reporter, and retires its models at shutdown. */
@ApplicationScoped
public class ScoringRuntime {

    @Produces
    @Singleton
    ModelSwitchboard switchboard(RegistryModelSource source, ServingReporter reporter, ScoringConfig config) {
        return new ModelSwitchboard(source, reporter, config.drainTimeout());
    }

    void close(@Disposes ModelSwitchboard switchboard) throws InterruptedException {
        switchboard.close();
    }
}
