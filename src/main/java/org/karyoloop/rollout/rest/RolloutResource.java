package org.karyoloop.rollout.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.ml.registry.ModelVersionRepository;
import org.karyoloop.rollout.Evidence;
import org.karyoloop.rollout.OperatorViews;
import org.karyoloop.rollout.RolloutConflictException;
import org.karyoloop.rollout.RolloutService;
import org.karyoloop.rollout.persistence.RolloutEvent;
import org.karyoloop.rollout.persistence.RolloutState;

/**
 * The operators' rollout API: read states, evidence, history, versions and the live timeline; act on a rollout
 * (start a canary, pause, resume, promote, roll back, pin, unpin, set the weight) through one action endpoint.
 */
@Path("/api/rollouts")
@Tag(name = "rollouts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Blocking
public class RolloutResource {

    private final RolloutService rollouts;
    private final ModelVersionRepository versions;
    private final OperatorViews views;

    public RolloutResource(RolloutService rollouts, ModelVersionRepository versions, OperatorViews views) {
        this.rollouts = rollouts;
        this.versions = versions;
        this.views = views;
    }

    /** A model's rollout state with the evidence the next decision would use. */
    public record RolloutView(String modelName, String phase, String stableVersion, String canaryVersion,
            int canaryWeight, boolean pinned, Instant canaryStartedAt, Instant updatedAt,
            Map<String, Evidence> evidence) {
    }

    /** An operator's action on a rollout: which, a version (canary, pin), a weight (weight), and the reason. */
    public record ActionRequest(@NotNull RolloutAction action, @Size(max = 100) String version,
            @Min(1) @Max(100) Integer weight, @Size(max = 500) String reason) {
    }

    @GET
    @Operation(summary = "Every model's rollout state")
    public List<RolloutView> list() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> RolloutState
                .<RolloutState>listAll().stream().map(this::view).toList());
    }

    @GET
    @Path("/{model}")
    @Operation(summary = "A model's rollout state and live evidence")
    public RolloutView get(@PathParam("model") String model) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> view(rollouts.existingStateOf(model)));
    }

    @GET
    @Path("/{model}/history")
    @Operation(summary = "Every transition of a model's rollout: who, why, evidence")
    public List<RolloutEvent> history(@PathParam("model") String model) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> RolloutEvent
                .<RolloutEvent>list("modelName = ?1 order by id", model));
    }

    @POST
    @Path("/{model}/actions")
    @Operation(summary = "Act on a model's rollout: canary, pause, resume, promote, rollback, pin, unpin or weight, "
            + "with the reason the history records")
    public RolloutView act(@PathParam("model") String model, @Valid @NotNull ActionRequest request,
            @Context SecurityContext security) {
        if (request.action().needsVersion()) {
            requireRegistered(model, request.version());
        }
        if (!ModelRegistry.validName(model)) {
            throw new BadRequestException("model names are 1 to 100 letters, digits, '.', '_' or '-'");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new BadRequestException("every operator action needs a reason (the history records who and why)");
        }
        if (request.action() == RolloutAction.WEIGHT && request.weight() == null) {
            throw new BadRequestException("the weight action needs a weight from 1 to 100");
        }
        String actor = security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
        RolloutState state = rollouts.operate(model, request.action().operatorAction(),
                request.action().needsVersion() ? request.version() : null,
                request.action() == RolloutAction.WEIGHT ? request.weight() : null, actor, request.reason());
        return get(state.modelName);
    }

    @GET
    @Path("/{model}/versions")
    @Operation(summary = "A model's registered versions with metrics, eligibility, serving role and plot links")
    public List<OperatorViews.VersionView> versions(@PathParam("model") String model) {
        return views.versions(model);
    }

    @GET
    @Path("/{model}/timeline")
    @Operation(summary = "Live GOOD rate and GOOD precision per time bucket, arm and version")
    public OperatorViews.Timeline timeline(@PathParam("model") String model,
            @QueryParam("bucket") @DefaultValue("1h") String bucket,
            @QueryParam("buckets") @DefaultValue("48") int buckets) {
        try {
            return views.timeline(model, bucket, buckets);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private void requireRegistered(String model, String version) {
        if (version == null || io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> versions.find("modelName = ?1 and version = ?2", model, version).count()) == 0) {
            throw new RolloutConflictException("version " + version + " of " + model + " is not registered");
        }
    }

    private RolloutView view(RolloutState s) {
        return new RolloutView(s.modelName, s.phase.name(), s.stableVersion, s.canaryVersion, s.canaryWeight,
                s.pinned, s.canaryStartedAt, s.updatedAt, rollouts.currentEvidence(s));
    }
}
