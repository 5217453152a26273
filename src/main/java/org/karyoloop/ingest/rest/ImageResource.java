package org.karyoloop.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.imaging.RejectReason;
import org.karyoloop.ingest.ImageIngestService;
import org.karyoloop.ingest.IngestConfig;
import org.karyoloop.ingest.IngestOutcome;
import org.karyoloop.ingest.IngestRequest;
import org.karyoloop.ingest.IngestRequestRejectedException;
import org.karyoloop.ingest.IngestRequestRejectedException.Reason;
import org.karyoloop.ingest.persistence.Image;
import org.karyoloop.ingest.persistence.ImageRepository;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.platform.security.Roles;

/**
 * REST ingest for lab systems that cannot produce to Kafka: POST an image as the raw body or as the
 * {@code file} part of a multipart form; 201 with the new image id, 200 with the existing id for the
 * same bytes. Also reads an image's record and original bytes back. Only lab systems send images;
 * doctors, operators and admins read them.
 */
@Path("/api/images")
@Tag(name = "images")
@Blocking
public class ImageResource {

    private final ImageIngestService ingest;
    private final ImageRepository images;
    private final BlobStore blobs;
    private final IngestConfig config;

    public ImageResource(ImageIngestService ingest, ImageRepository images, BlobStore blobs, IngestConfig config) {
        this.ingest = ingest;
        this.images = images;
        this.blobs = blobs;
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.LAB_SYSTEM)
    @Consumes({"image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an image sent as the request body")
    public Response upload(InputStream body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam("X-Source-Id") String sourceId,
            @HeaderParam("X-Slide-Id") String slideId, @HeaderParam("X-Captured-At") String capturedAt,
            @Context UriInfo uri) throws IOException {
        try {
            byte[] bytes = readBounded(body);
            return answer(ingest.ingest(new IngestRequest(bytes, contentType, idempotencyKey, sourceId, slideId,
                    parseInstant(capturedAt), "rest")), uri);
        } catch (ImageRejectedException e) {
            throw IngestRefusal.of(e);
        } catch (IngestRequestRejectedException e) {
            throw IngestRefusal.of(e);
        }
    }

    @POST
    @RolesAllowed(Roles.LAB_SYSTEM)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest an image sent as the 'file' part of a multipart form")
    public Response uploadForm(@RestForm("file") FileUpload file, @RestForm String sourceId,
            @RestForm String slideId, @RestForm String capturedAt, @RestForm String idempotencyKey,
            @HeaderParam("Idempotency-Key") String idempotencyKeyHeader, @Context UriInfo uri)
            throws IOException {
        try {
            if (file == null) {
                throw new IngestRequestRejectedException(Reason.INVALID_METADATA, "the form has no 'file' part");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                bytes = readBounded(in);
            }
            String key = idempotencyKey != null ? idempotencyKey : idempotencyKeyHeader;
            return answer(ingest.ingest(new IngestRequest(bytes, file.contentType(), key, sourceId, slideId,
                    parseInstant(capturedAt), "rest")), uri);
        } catch (ImageRejectedException e) {
            throw IngestRefusal.of(e);
        } catch (IngestRequestRejectedException e) {
            throw IngestRefusal.of(e);
        }
    }

    @GET
    @RolesAllowed({Roles.DOCTOR, Roles.OPERATOR, Roles.ADMIN})
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An ingested image's record")
    public ImageView get(@PathParam("id") UUID id) {
        return ImageView.of(find(id));
    }

    @GET
    @RolesAllowed({Roles.DOCTOR, Roles.OPERATOR, Roles.ADMIN})
    @Path("/{id}/content")
    @Operation(summary = "The original bytes of an image, exactly as received")
    public Response content(@PathParam("id") UUID id) throws IOException {
        Image image = find(id);
        InputStream in = blobs.open(image.sha256).orElseThrow(() -> new ImageNotFoundException(id));
        return Response.ok(in, ImageFormat.valueOf(image.format).mediaType())
                .header("ETag", '"' + image.sha256 + '"')
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }

    private Image find(UUID id) {
        return images.findByIdOptional(id).orElseThrow(() -> new ImageNotFoundException(id));
    }

    private Response answer(IngestOutcome outcome, UriInfo uri) {
        var body = new IngestResponse(outcome.imageId(), outcome.sha256(), outcome.duplicate());
        if (outcome.duplicate()) {
            return Response.ok(body).build();
        }
        return Response.status(Status.CREATED)
                .location(uri.getBaseUriBuilder().path("api/images").path(outcome.imageId().toString()).build())
                .entity(body)
                .build();
    }

    private byte[] readBounded(InputStream in) throws IOException, ImageRejectedException {
        byte[] bytes = in.readNBytes((int) Math.min(config.maxBytes() + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > config.maxBytes()) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_BYTES,
                    "the body exceeds " + config.maxBytes() + " bytes");
        }
        return bytes;
    }

    private static Instant parseInstant(String value) throws IngestRequestRejectedException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IngestRequestRejectedException(Reason.INVALID_METADATA,
                    "capture time is not an ISO-8601 instant: " + value);
        }
    }

    /** Answer to an ingest: the image's id and whether it was already known. */
    public record IngestResponse(UUID id, String sha256, boolean duplicate) {
    }
}
