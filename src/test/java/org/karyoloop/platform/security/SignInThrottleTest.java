package org.karyoloop.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(new SecurityConfig.SignIn() {
        public int maxFailuresPerUser() {
            return 3;
        }

        public int maxFailuresPerAddress() {
            return 5;
        }

        public Duration window() {
            return Duration.ofMinutes(15);
        }

        public Duration lockout() {
            return Duration.ofSeconds(60);
        }
    }, now::get);

    @Test
    void aUserIsLockedOutAfterItsLimitAndFreeAgainAfterTheLockout() {
        for (int i = 0; i < 3; i++) {
            throttle.check("doc", "10.0.0.1");
            throttle.failed("doc", "10.0.0.1");
        }
        assertThatThrownBy(() -> throttle.check("doc", "10.0.0.2")).isInstanceOf(SignInThrottledException.class)
                .satisfies(e -> assertThat(((SignInThrottledException) e).retryAfterSeconds()).isEqualTo(60));
        assertThatCode(() -> throttle.check("other", "10.0.0.2")).as("another user from elsewhere")
                .doesNotThrowAnyException();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThatThrownBy(() -> throttle.check("doc", "10.0.0.2")).isInstanceOf(SignInThrottledException.class)
                .satisfies(e -> assertThat(((SignInThrottledException) e).retryAfterSeconds()).isEqualTo(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThatCode(() -> throttle.check("doc", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void anAddressIsLockedOutAfterManyUsersFailFromIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertThatThrownBy(() -> throttle.check("fresh-user", "10.0.0.9")).isInstanceOf(SignInThrottledException.class);
        assertThatCode(() -> throttle.check("fresh-user", "10.0.0.8")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheUsersCountAndFailuresOutsideTheWindowAreForgotten() {
        throttle.failed("doc", "a");
        throttle.failed("doc", "a");
        throttle.succeeded("doc");
        throttle.failed("doc", "a");
        throttle.failed("doc", "a");
        assertThatCode(() -> throttle.check("doc", "b")).doesNotThrowAnyException();
        now.addAndGet(Duration.ofMinutes(16).toNanos());
        throttle.failed("doc", "a");
        assertThatCode(() -> throttle.check("doc", "b")).doesNotThrowAnyException();
    }
}
