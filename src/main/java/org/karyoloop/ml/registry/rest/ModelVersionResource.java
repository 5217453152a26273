package org.karyoloop.ml.registry.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.karyoloop.ml.registry.ModelArtifactRejectedException;
import org.karyoloop.ml.registry.ModelArtifactRejectedException.Reason;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.ml.registry.ModelVersionNotFoundException;
import org.karyoloop.ml.registry.ModelVersionSpec;

/**
 * The model registry over REST: operators register an externally trained model (multipart: the
 * artifact file as {@code artifact}, its {@link ModelVersionSpec} JSON as {@code metadata}), and
 * anyone reads versions back. The artifact is verified before it is accepted; {@code createdBy} is the
 * signed-in user who imported it, whatever the metadata says.
 */
@Path("/api/models/{modelName}/versions")
@jakarta.annotation.security.RolesAllowed({"operator", "admin"})
@Tag(name = "models")
@Blocking
public class ModelVersionResource {

    private final ModelRegistry registry;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public ModelVersionResource(ModelRegistry registry, ObjectMapper mapper, SecurityIdentity identity) {
        this.registry = registry;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a model version: the artifact (.pt or DJL .params) plus its metadata")
    public Response register(@PathParam("modelName") String modelName, @RestForm("artifact") FileUpload artifact,
            @RestForm("metadata") String metadata) throws IOException {
        if (artifact == null || metadata == null) {
            throw new ModelArtifactRejectedException(Reason.INVALID_METADATA,
                    "multipart parts 'artifact' (the file) and 'metadata' (JSON) are required");
        }
        ModelVersionSpec declared = parse(metadata);
        ModelVersionSpec spec = new ModelVersionSpec(modelName, declared.version(), declared.artifactFormat(),
                declared.artifactSha256(), declared.architecture(), declared.preprocessing(), declared.classes(),
                declared.goodThreshold(), declared.metrics(), declared.parentVersion(),
                declared.origin() == null ? ModelOrigin.IMPORTED : declared.origin(), declared.trainingJob(),
                identity.getPrincipal().getName());
        ModelVersionSpec registered = registry.register(spec, Files.readAllBytes(artifact.uploadedFile()));
        return Response.status(Response.Status.CREATED).entity(registered).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "All versions of a model, oldest first")
    public List<ModelVersionSpec> list(@PathParam("modelName") String modelName) {
        return registry.list(modelName);
    }

    @GET
    @Path("{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One version of a model")
    public ModelVersionSpec get(@PathParam("modelName") String modelName, @PathParam("version") String version) {
        return registry.find(modelName, version).orElseThrow(() -> new ModelVersionNotFoundException(modelName,
                version));
    }

    private ModelVersionSpec parse(String metadata) {
        try {
            return mapper.readValue(metadata, ModelVersionSpec.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelArtifactRejectedException(Reason.INVALID_METADATA,
                    "metadata is not a model version description: " + e.getMessage(), e);
        }
    }
}
