package org.karyoloop.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.scoring.messaging.RolloutFollower;
import org.karyoloop.scoring.serving.ModelSwitchboard;
import org.karyoloop.scoring.serving.Routing;

/**
 * Scoring is ready once the rollout state present at start is applied and a stable version serves,
 * or cold start is declared (no stable version named, and cold start allowed). Thread-safe.
 */
@Readiness
@ApplicationScoped
public class ScoringReadiness implements HealthCheck {

    private final RolloutFollower follower;
    private final ModelSwitchboard switchboard;
    private final ModelRegistry registry;
    private final ScoringConfig config;
    private final boolean enabled;

    public ScoringReadiness(RolloutFollower follower, ModelSwitchboard switchboard, ModelRegistry registry,
            ScoringConfig config, @ConfigProperty(name = "karyoloop.role.scoring") boolean enabled) {
        this.follower = follower;
        this.switchboard = switchboard;
        this.registry = registry;
        this.config = config;
        this.enabled = enabled;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("scoring").withData("model", config.modelName());
        if (!enabled) {
            return response.up().withData("state", "role off").build();
        }
        if (!follower.caughtUp()) {
            return response.down().withData("state", "reading models.rollout").build();
        }
        Routing routing = switchboard.current();
        if (routing.stable() != null) {
            return response.up().withData("state", "serving").withData("stable", routing.stable().version()).build();
        }
        if (routing.state() != null && routing.state().stableVersion() != null) {
            return response.down().withData("state", "stable " + routing.state().stableVersion() + " not loaded")
                    .build();
        }
        boolean coldStart = switch (config.coldStart()) {
            case ALLOW -> true;
            case DENY -> false;
            case AUTO -> !registry.hasAny(config.modelName());
        };
        return (coldStart ? response.up() : response.down()).withData("state", "cold start").build();
    }
}
