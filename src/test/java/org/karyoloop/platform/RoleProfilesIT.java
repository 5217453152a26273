package org.karyoloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.karyoloop.platform.messaging.Channels;

/** A process started with the scoring role has no ingest channel live. */
@QuarkusTest
@TestProfile(RoleProfilesIT.ScoringRole.class)
class RoleProfilesIT {

    /** The scoring role, on the test infrastructure. */
    public static class ScoringRole implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,scoring";
        }
    }

    @Inject
    ChannelRegistry channels;

    @Test
    void scoringRoleDoesNotConsumeRawImages() {
        assertThat(ConfigProvider.getConfig().getValue("karyoloop.role.scoring", Boolean.class)).isTrue();
        assertThat(ConfigProvider.getConfig().getValue("karyoloop.role.ingest", Boolean.class)).isFalse();
        assertThat(channels.getIncomingNames()).doesNotContain(Channels.IMAGES_RAW);
    }
}
