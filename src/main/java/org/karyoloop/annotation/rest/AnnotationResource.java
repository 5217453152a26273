package org.karyoloop.annotation.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.karyoloop.annotation.AgreementReport;
import org.karyoloop.annotation.DoctorProgress;
import org.karyoloop.annotation.LabelInput;
import org.karyoloop.annotation.LabelReader;
import org.karyoloop.annotation.LabelService;
import org.karyoloop.annotation.LabelView;
import org.karyoloop.annotation.TaskQueue;
import org.karyoloop.platform.security.Roles;

/**
 * The doctors' API: claim the next item with a lease, label it, skip it with a reason or release it;
 * the day's progress; agreement between doctors; an image's labels for operators.
 */
@Path("/api/annotation")
@Tag(name = "annotation")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class AnnotationResource {

    private final SecurityIdentity identity;
    private final TaskQueue queue;
    private final LabelService labels;
    private final LabelReader reader;
    private final DoctorProgress progress;
    private final AgreementReport agreement;

    public AnnotationResource(SecurityIdentity identity, TaskQueue queue, LabelService labels, LabelReader reader,
            DoctorProgress progress, AgreementReport agreement) {
        this.identity = identity;
        this.queue = queue;
        this.labels = labels;
        this.reader = reader;
        this.progress = progress;
        this.agreement = agreement;
    }

    @POST
    @Path("/claims")
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Lease the next item to label (204 when none is left for you)",
            description = "A doctor already holding the most leases allowed gets back the oldest one other than "
                    + "'except' (the item the page shows). Second reads are blind; the model's guess is hidden "
                    + "unless configured.")
    public Response claim(@QueryParam("except") UUID except) throws SQLException {
        return queue.claim(doctor(), except).map(item -> Response.ok(item).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/items/{itemId}/label")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Label a leased item (idempotent: a retry answers 200 with the stored label)")
    public Response label(@PathParam("itemId") UUID itemId, LabelInput input) throws SQLException {
        LabelView view = labels.submit(doctor(), itemId,
                input == null ? new LabelInput(null, null, null, null) : input);
        return Response.status(view.created() ? Status.CREATED : Status.OK).entity(view).build();
    }

    @POST
    @Path("/items/{itemId}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Skip a leased item with a reason; it is not offered to you again")
    public Response skip(@PathParam("itemId") UUID itemId, SkipRequest request) throws SQLException {
        queue.skip(doctor(), itemId, request == null ? null : request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("/items/{itemId}/release")
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Give a leased item back to the queue")
    public Response release(@PathParam("itemId") UUID itemId) throws SQLException {
        queue.release(doctor(), itemId);
        return Response.noContent().build();
    }

    @GET
    @Path("/progress")
    @RolesAllowed(Roles.DOCTOR)
    @Operation(summary = "Your labels today and the items waiting")
    public DoctorProgress.Progress progress() throws SQLException {
        return progress.of(doctor());
    }

    @GET
    @Path("/agreement")
    @RolesAllowed({Roles.DOCTOR, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Per-doctor agreement (Cohen's kappa) on blind double reads")
    public AgreementReport.Report agreement() throws SQLException {
        return agreement.compute();
    }

    @GET
    @Path("/images/{imageId}/labels")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Every label of an image (not for doctors: reads stay blind)")
    public List<LabelView> labelsOf(@PathParam("imageId") UUID imageId) throws SQLException {
        return reader.ofImage(imageId);
    }

    private String doctor() {
        return identity.getPrincipal().getName();
    }

    /** Why a doctor skips an item. */
    public record SkipRequest(String reason) {
    }
}
