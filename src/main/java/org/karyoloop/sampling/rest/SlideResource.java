package org.karyoloop.sampling.rest;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.karyoloop.platform.security.Roles;

/**
 * The best spreads of a slide by the model's P(GOOD): only ~10% of a slide's spreads are usable. Images scoring
 * measured as not a metaphase spread are left out.
 */
@Path("/api/slides/{slideId}/best")
@Tag(name = "sampling")
@Blocking
public class SlideResource {

    private static final String SQL = """
            select image_id, p_good, grade, model_version, arm from sampling_score
             where slide_id = ? and scored and spread order by p_good desc, image_id limit ?""";

    private final AgroalDataSource db;

    public SlideResource(AgroalDataSource db) {
        this.db = db;
    }

    /** One spread of the slide with the model's view of it. */
    public record Spread(UUID imageId, double pGood, String grade, String modelVersion, String arm) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DOCTOR, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "The N spreads of a slide the model ranks best (highest P(GOOD) first)")
    public List<Spread> best(@PathParam("slideId") String slideId, @QueryParam("n") @DefaultValue("10") int n)
            throws SQLException {
        int limit = Math.max(1, Math.min(n, 500));
        List<Spread> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setString(1, slideId);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Spread(rs.getObject(1, UUID.class), rs.getDouble(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }
}
