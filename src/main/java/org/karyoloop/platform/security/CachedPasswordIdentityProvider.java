package org.karyoloop.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP Basic and form sign-in credentials, checked against the built-in store through {@link IdentityCache} ahead of
 * the JPA provider, so that an API client (a lab system, the simulated doctor) does not pay a bcrypt check on every
 * request. Thread-safe.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final IdentityCache cache;

    public CachedPasswordIdentityProvider(IdentityCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Ahead of quarkus-security-jpa's provider, which has the default priority (1001: higher runs first). */
    @Override
    public int priority() {
        return IdentityCache.PROVIDER_PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> cache.verify(request.getUsername(), request.getPassword().getPassword()));
    }
}
