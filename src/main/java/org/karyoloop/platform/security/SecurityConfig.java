package org.karyoloop.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How users sign in ({@link #mode()}), and the built-in user store: bcrypt cost, the first admin of a fresh install,
 * and test-only seed users.
 */
@ConfigMapping(prefix = "karyoloop.security")
public interface SecurityConfig {

    /** The configuration key of {@link #mode()}, which {@link SecurityModeConfigSourceFactory} reads as well. */
    String MODE_KEY = "karyoloop.security.mode";

    /**
     * Who vouches for users: {@code builtin} (the built-in user store; HTTP Basic for machines and the pages' sign-in
     * form: laptops and demos) or {@code oidc} (the lab's identity provider: the pages sign in by the authorization code
     * flow, machines send bearer tokens, roles come from a token claim; the built-in store then admits nobody).
     * Default builtin.
     */
    @WithDefault("builtin")
    Mode mode();

    /** See {@link #mode()}. */
    enum Mode {
        /** The built-in user store (app_user). */
        BUILTIN,
        /** The lab's OpenID Connect provider ({@code quarkus.oidc.*}). */
        OIDC
    }

    /** bcrypt cost (log2 rounds) for new password hashes; 12 takes ~0.25 s per check on one core. */
    @WithDefault("12")
    int bcryptCost();

    /**
     * How long a signed-in user's roles (form sign-in: every request) and a verified HTTP Basic password are reused
     * without reading the user store or checking bcrypt again. A changed or removed user takes effect after at most
     * this long; 0 turns the cache off. Default 30 s.
     */
    @WithDefault("30s")
    Duration identityCacheTtl();

    /** User name of the first admin, created at start when no admin exists (set by environment). */
    Optional<String> bootstrapAdminUsername();

    /** Password of the first admin (set by environment, e.g. from a Kubernetes secret; never committed). */
    Optional<String> bootstrapAdminPassword();

    /**
     * Users created at start if missing, as {@code name:password:role+role}; for tests and demos
     * only (the test profile sets them), never for a real install.
     */
    Optional<List<String>> seedUsers();

    /** Throttling of failed sign-ins (HTTP Basic and the form). */
    SignIn signIn();

    /** Limits on failed sign-ins, counted per user name and per client address. */
    interface SignIn {

        /** Failed sign-ins of one user name within the window that lock it out. Default 10. */
        @WithDefault("10")
        int maxFailuresPerUser();

        /** Failed sign-ins from one client address within the window that lock it out. Default 30. */
        @WithDefault("30")
        int maxFailuresPerAddress();

        /** How long failures are counted from the first one. Default 15 min. */
        @WithDefault("15m")
        Duration window();

        /** How long a locked-out user or address is refused (429 with Retry-After). Default 5 min. */
        @WithDefault("5m")
        Duration lockout();
    }
}
