package org.karyoloop.platform.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service's own readiness checks probe what it depends on. */
@ConfigMapping(prefix = "karyoloop.health")
public interface HealthConfig {

    /**
     * How long the broker check waits for the cluster to answer before it reports DOWN. Below a Kubernetes probe's
     * timeout (1 s by default), so that a probe sees DOWN with a reason rather than no answer at all. Default 800 ms.
     */
    @WithDefault("800ms")
    Duration brokerTimeout();
}
