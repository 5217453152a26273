package org.karyoloop.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per user name and per client address and, once either reaches its limit within the
 * window, refuses further sign-ins for that user or address until the lockout has passed, without checking the
 * password (so the right one is refused too until then). A success clears the user's count. Counts live in this
 * process only: each replica throttles on its own. Thread-safe: counters live in ConcurrentHashMaps and are
 * replaced atomically ({@code compute}).
 */
@ApplicationScoped
public class SignInThrottle {

    private record Count(int failures, long firstNanos, long lockedUntilNanos) {
    }

    private final ConcurrentHashMap<String, Count> users = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Count> addresses = new ConcurrentHashMap<>();
    private final SecurityConfig.SignIn config;
    private final LongSupplier clock;

    @Inject
    public SignInThrottle(SecurityConfig config) {
        this(config.signIn(), System::nanoTime);
    }

    SignInThrottle(SecurityConfig.SignIn config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Throws {@link SignInThrottledException} while the user or the address is locked out. */
    public void check(String username, String address) {
        long now = clock.getAsLong();
        long wait = Math.max(remaining(users.get(key(username)), now), remaining(addresses.get(address), now));
        if (wait > 0) {
            throw new SignInThrottledException(Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
        }
    }

    /** A sign-in of {@code username} from {@code address} failed. */
    public void failed(String username, String address) {
        long now = clock.getAsLong();
        users.compute(key(username), (k, c) -> next(c, now, config.maxFailuresPerUser()));
        if (address != null) {
            addresses.compute(address, (k, c) -> next(c, now, config.maxFailuresPerAddress()));
        }
    }

    /** A sign-in of {@code username} succeeded. */
    public void succeeded(String username) {
        users.remove(key(username));
    }

    private Count next(Count c, long now, int max) {
        long window = config.window().toNanos();
        Count fresh = c == null || now - c.firstNanos() > window || (c.lockedUntilNanos() != 0
                && now >= c.lockedUntilNanos()) ? new Count(0, now, 0) : c;
        int failures = fresh.failures() + 1;
        long lockedUntil = failures >= max ? now + config.lockout().toNanos() : 0;
        return new Count(failures, fresh.firstNanos(), lockedUntil);
    }

    private static long remaining(Count c, long now) {
        return c == null || c.lockedUntilNanos() == 0 ? 0 : c.lockedUntilNanos() - now;
    }

    private static String key(String username) {
        return username == null ? "" : username;
    }
}
