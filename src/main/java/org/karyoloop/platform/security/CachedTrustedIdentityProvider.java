package org.karyoloop.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Form sign-in's session cookie names a user that was verified before; this provider answers from
 * {@link IdentityCache} ahead of the JPA provider, which would read the user on every request. In OIDC mode such a
 * cookie admits nobody. Thread-safe.
 */
@ApplicationScoped
public class CachedTrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final IdentityCache cache;
    private final boolean builtin;

    public CachedTrustedIdentityProvider(IdentityCache cache, SecurityConfig config) {
        this.cache = cache;
        this.builtin = config.mode() == SecurityConfig.Mode.BUILTIN;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Ahead of quarkus-security-jpa's provider, which has the default priority (1001: higher runs first). */
    @Override
    public int priority() {
        return IdentityCache.PROVIDER_PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (!builtin) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(CachedPasswordIdentityProvider.BUILTIN_OFF));
        }
        return context.runBlocking(() -> cache.trusted(request.getPrincipal()));
    }
}
