package org.karyoloop.platform.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.enterprise.inject.Instance;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who am I, sign-in and sign-out (any signed-in user), and user management (admin only). */
@Path("/api")
@Tag(name = "users")
@Blocking
public class UserResource {

    private static final Set<String> PAGES = Set.of("annotate", "operate");

    private final SecurityIdentity identity;
    private final UserStore users;
    private final SecurityConfig config;
    private final Instance<OidcSession> oidcSession;
    private final Instance<OidcConfigurationMetadata> oidcMetadata;
    private final String clientId;

    public UserResource(SecurityIdentity identity, UserStore users, SecurityConfig config,
            Instance<OidcSession> oidcSession, Instance<OidcConfigurationMetadata> oidcMetadata,
            @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "karyoloop") String clientId) {
        this.identity = identity;
        this.users = users;
        this.config = config;
        this.oidcSession = oidcSession;
        this.oidcMetadata = oidcMetadata;
        this.clientId = clientId;
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in user and their roles")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }

    @GET
    @Path("/sign-in/{page}")
    @Authenticated
    @Operation(summary = "Back to a page once signed in (annotate or operate); with the lab's identity provider, an "
            + "anonymous browser is sent through its sign-in first")
    public Response signIn(@PathParam("page") String page) {
        return Response.seeOther(URI.create(page(page))).build();
    }

    @POST
    @Path("/sign-out")
    @Authenticated
    @Operation(summary = "End the page's session: the session cookie is expired (HTTP Basic and bearer callers have "
            + "none); with the lab's identity provider the answer names its end-session address, where the page sends "
            + "the browser so that the provider's own session ends too")
    public Response signOut(@QueryParam("page") String page, @Context UriInfo uri) {
        if (config.mode() == SecurityConfig.Mode.BUILTIN) {
            FormAuthenticationMechanism.logout(identity);
            return Response.noContent().build();
        }
        oidcSession.get().logout().await().indefinitely();
        String back = uri.getBaseUri().resolve(page(page)).toString();
        String endSession = oidcMetadata.get().getEndSessionUri();
        return Response.ok(new SignedOut(endSession == null ? back : endSession + "?client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
    }

    @GET
    @Path("/admin/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every user of the built-in store with their roles (never their hashes)")
    public List<Me> list() {
        return UserAccount.<UserAccount>listAll().stream()
                .map(u -> new Me(u.username, Set.of(u.roles.split(",")))).toList();
    }

    @POST
    @Path("/admin/users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a user to the built-in store; the password is stored as a bcrypt hash")
    public Response create(NewUser user) {
        if (user == null) {
            throw new InvalidUserException("a JSON body {username, password, roles} is required");
        }
        UserAccount created = users.create(identity.getPrincipal().getName(), user.username(), user.password(),
                user.roles());
        return Response.status(Status.CREATED).entity(new Me(created.username, Set.of(created.roles.split(","))))
                .build();
    }

    /** The path of one of the pages, or the root for anything else (never an address elsewhere). */
    private static String page(String name) {
        return name != null && PAGES.contains(name) ? "/" + name + "/" : "/";
    }

    /** A user's name and roles. */
    public record Me(String name, Set<String> roles) {
    }

    /** The answer of a sign-out in OIDC mode: where to send the browser to end the identity provider's session. */
    public record SignedOut(String endSession) {
    }

    /** A user to create. */
    public record NewUser(String username, String password, List<String> roles) {
    }
}
