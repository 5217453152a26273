package org.karyoloop.annotation.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.karyoloop.annotation.TaskImages;
import org.karyoloop.platform.security.Roles;

/** The image of a labeling task as a browser can show it: the original PNG/JPEG, or a PNG rendering. */
@Path("/api/annotation/tasks/{taskId}/image")
@Tag(name = "annotation")
@Blocking
public class TaskImageResource {

    private final TaskImages images;

    public TaskImageResource(TaskImages images) {
        this.images = images;
    }

    @GET
    @RolesAllowed({Roles.DOCTOR, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The task's image for display (TIFF and BMP rendered as a downscaled 8-bit PNG)")
    public Response image(@PathParam("taskId") UUID taskId) throws IOException, SQLException {
        TaskImages.Displayable image = images.displayable(taskId);
        return Response.ok(image.bytes(), image.mediaType())
                .header("ETag", '"' + image.sha256() + '"')
                .header("Cache-Control", "private, max-age=86400, immutable")
                .build();
    }
}
