package org.karyoloop.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Form sign-in's session cookie names a user that was verified before; this provider answers from
 * {@link IdentityCache} ahead of the JPA provider, which would read the user on every request. In OIDC mode such a
 * cookie admits nobody. Thread-safe.
 */
@ApplicationScoped
public class CachedTrustedIdentityProvider extends CachedIdentityProvider<TrustedAuthenticationRequest> {

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

    @Override
    boolean builtin() {
        return builtin;
    }

    @Override
    SecurityIdentity identify(TrustedAuthenticationRequest request) {
        return cache.trusted(request.getPrincipal());
    }
}
