package org.karyoloop.platform.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who am I and sign-out (any signed-in user), and user management (admin only). */
@Path("/api")
@Tag(name = "users")
@Blocking
public class UserResource {

    private final SecurityIdentity identity;
    private final UserStore users;

    public UserResource(SecurityIdentity identity, UserStore users) {
        this.identity = identity;
        this.users = users;
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The signed-in user and their roles")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), identity.getRoles());
    }

    @POST
    @Path("/sign-out")
    @Authenticated
    @Operation(summary = "End the page's session: the session cookie is expired (HTTP Basic callers have none)")
    public Response signOut() {
        FormAuthenticationMechanism.logout(identity);
        return Response.noContent().build();
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

    /** A user's name and roles. */
    public record Me(String name, Set<String> roles) {
    }

    /** A user to create. */
    public record NewUser(String username, String password, List<String> roles) {
    }
}
