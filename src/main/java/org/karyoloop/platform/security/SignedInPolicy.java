package org.karyoloop.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP permission policy {@value #NAME}: admits any signed-in user and fails an anonymous request with
 * {@link UnauthorizedException}, which {@link AuthProblemHandler} answers with a problem body and a challenge (the
 * built-in {@code authenticated} policy answers an empty 401). Stateless, so thread-safe.
 */
@ApplicationScoped
public class SignedInPolicy implements HttpSecurityPolicy {

    /** The name the HTTP permissions use. */
    public static final String NAME = "signed-in";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        return identity.map(id -> {
            if (id.isAnonymous()) {
                throw new UnauthorizedException();
            }
            return CheckResult.PERMIT;
        });
    }

    @Override
    public String name() {
        return NAME;
    }
}
