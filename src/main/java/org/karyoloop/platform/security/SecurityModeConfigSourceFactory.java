package org.karyoloop.platform.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@code quarkus.oidc.tenant-enabled} from {@value SecurityConfig#MODE_KEY}, so that one key chooses how users
 * sign in: the OIDC extension is on the classpath in both modes and must stay idle (no provider contacted, no code
 * flow challenge) with the built-in store. Its source ranks below application.properties and the environment, so an
 * explicit {@code quarkus.oidc.tenant-enabled} still wins. Registered through META-INF/services; stateless.
 */
public class SecurityModeConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250) and the environment (300). */
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue mode = context.getValue(SecurityConfig.MODE_KEY);
        boolean oidc = mode != null && mode.getValue() != null
                && mode.getValue().trim().toLowerCase(Locale.ROOT).equals("oidc");
        return List.of(new PropertiesConfigSource(Map.of("quarkus.oidc.tenant-enabled", Boolean.toString(oidc)),
                "karyoloop-security-mode", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
