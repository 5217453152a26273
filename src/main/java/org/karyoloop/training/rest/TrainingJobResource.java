package org.karyoloop.training.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.karyoloop.training.TrainingConfig;
import org.karyoloop.training.TrainingJobNotFoundException;
import org.karyoloop.training.TrainingJobs;
import org.karyoloop.training.TrainingWorker;
import org.karyoloop.training.persistence.TrainingJob;

/**
 * Operators' view of training: request a job (joins a pending one), cancel one, list jobs with their
 * metrics. Operators only;
 * a request is recorded under the signed-in operator's name.
 */
@Path("/api/training/jobs")
@jakarta.annotation.security.RolesAllowed("operator")
@Tag(name = "training")
@Blocking
public class TrainingJobResource {

    /** Body of a job request; optional. */
    public record JobRequest(@jakarta.validation.constraints.Size(max = 500) String reason) {
    }

    private final TrainingJobs jobs;
    private final TrainingWorker worker;
    private final TrainingConfig config;

    public TrainingJobResource(TrainingJobs jobs, TrainingWorker worker, TrainingConfig config) {
        this.jobs = jobs;
        this.worker = worker;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a training job; joins the pending request if there is one")
    public Response request(@jakarta.validation.Valid JobRequest body,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security) {
        String reason = body == null || body.reason() == null ? "requested by an operator" : body.reason();
        String by = security.getUserPrincipal() == null ? "operator" : security.getUserPrincipal().getName();
        TrainingJobs.Requested r = jobs.request(config.modelName(), "operator", reason, by);
        worker.wakeUp();
        return Response.status(Response.Status.ACCEPTED).entity(TrainingJobView.of(r.job(), r.coalesced())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recent training jobs, newest first")
    public List<TrainingJobView> list(@QueryParam("limit") Integer limit) {
        int n = limit == null ? 50 : Math.max(1, Math.min(500, limit));
        return jobs.recent(n).stream().map(j -> TrainingJobView.of(j, false)).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One training job with its metrics")
    public TrainingJobView get(@PathParam("id") UUID id) {
        return TrainingJobView.of(job(id), false);
    }

    @POST
    @Path("{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a pending job, or ask a running one to stop")
    public TrainingJobView cancel(@PathParam("id") UUID id) {
        return TrainingJobView.of(jobs.cancel(id, "operator"), false);
    }

    private TrainingJob job(UUID id) {
        return jobs.find(id).orElseThrow(() -> new TrainingJobNotFoundException(id));
    }
}
