package org.karyoloop.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HTTP Basic and form sign-in credentials, checked against the built-in store through {@link IdentityCache} ahead of
 * the JPA provider, so that an API client (a lab system, the simulated doctor) does not pay a bcrypt check on every
 * request. Failed checks count towards {@link SignInThrottle}, which refuses a locked-out user or address before any
 * check. With {@code karyoloop.security.mode=oidc} the built-in store admits nobody: every such credential fails
 * before any check. Thread-safe.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider extends CachedIdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final IdentityCache cache;
    private final SignInThrottle throttle;
    private final boolean builtin;

    public CachedPasswordIdentityProvider(IdentityCache cache, SignInThrottle throttle, SecurityConfig config) {
        this.cache = cache;
        this.throttle = throttle;
        this.builtin = config.mode() == SecurityConfig.Mode.BUILTIN;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    boolean builtin() {
        return builtin;
    }

    @Override
    SecurityIdentity identify(UsernamePasswordAuthenticationRequest request) {
        String username = request.getUsername();
        String address = address(request);
        try {
            throttle.check(username, address);
        } catch (SignInThrottledException e) {
            throw new AuthenticationFailedException(e.getMessage(), e);
        }
        try {
            SecurityIdentity identity = cache.verify(username, request.getPassword().getPassword());
            throttle.succeeded(username);
            return identity;
        } catch (AuthenticationFailedException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    private static String address(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing == null || routing.request().remoteAddress() == null) {
            return null;
        }
        return routing.request().remoteAddress().hostAddress();
    }
}
