package org.karyoloop.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * What the providers that answer from {@link IdentityCache} share: they run ahead of quarkus-security-jpa's
 * provider, admit nobody in OIDC mode, and find the identity on a worker thread (a cache miss reads the database).
 * Thread-safe when the subclass's {@link #identify} is.
 */
abstract class CachedIdentityProvider<R extends AuthenticationRequest> implements IdentityProvider<R> {

    /** Why built-in credentials fail in OIDC mode. */
    static final String BUILTIN_OFF = "built-in users are off: sign in through the lab's identity provider";

    /** Ahead of quarkus-security-jpa's provider, which has the default priority (1001: higher runs first). */
    @Override
    public int priority() {
        return IdentityCache.PROVIDER_PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(R request, AuthenticationRequestContext context) {
        if (!builtin()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(BUILTIN_OFF));
        }
        return context.runBlocking(() -> identify(request));
    }

    /** Whether the built-in user store is on ({@code karyoloop.security.mode=builtin}). */
    abstract boolean builtin();

    /** The identity the request proves, on a worker thread; fails with {@link AuthenticationFailedException}. */
    abstract SecurityIdentity identify(R request);
}
