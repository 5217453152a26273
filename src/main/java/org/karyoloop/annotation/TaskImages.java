package org.karyoloop.annotation;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.platform.blob.BlobStore;

/**
 * Finds a task's image in the blob store (by the SHA-256 the request carried) and makes it showable in
 * a browser: PNG and JPEG as they are, TIFF and BMP decoded to 8-bit gray and written as a PNG no
 * larger than {@code preview-max-side}. Thread-safe (the decoder is stateless).
 */
@ApplicationScoped
public class TaskImages {

    private final AgroalDataSource db;
    private final BlobStore blobs;
    private final AnnotationConfig config;
    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(Integer.MAX_VALUE - 8L, 200_000_000L));

    public TaskImages(AgroalDataSource db, BlobStore blobs, AnnotationConfig config) {
        this.db = db;
        this.blobs = blobs;
        this.config = config;
    }

    /** Bytes a browser can show, their media type, and the original's SHA-256 (for caching). */
    public record Displayable(byte[] bytes, String mediaType, String sha256) {
    }

    /** The displayable image of task {@code taskId}. */
    public Displayable displayable(UUID taskId) throws SQLException, IOException {
        String sha = sha256Of(taskId);
        byte[] original;
        try (InputStream in = blobs.open(sha).orElseThrow(() -> new ItemNotFoundException("image of task", taskId))) {
            original = in.readAllBytes();
        }
        try {
            ImageFormat format = decoder.detect(original);
            if (format == ImageFormat.PNG || format == ImageFormat.JPEG) {
                return new Displayable(original, format.mediaType(), sha);
            }
            return new Displayable(renderPng(decoder.decode(original)), "image/png", sha);
        } catch (ImageRejectedException e) {
            throw new IOException("stored image of task " + taskId + " cannot be shown: " + e.getMessage(), e);
        }
    }

    private byte[] renderPng(DecodedImage decoded) throws IOException {
        BufferedImage gray = new BufferedImage(decoded.width(), decoded.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        System.arraycopy(decoded.gray(), 0, px, 0, px.length);
        int side = Math.max(decoded.width(), decoded.height());
        BufferedImage out = gray;
        if (side > config.previewMaxSide()) {
            double f = config.previewMaxSide() / (double) side;
            int w = Math.max(1, (int) Math.round(decoded.width() * f));
            int h = Math.max(1, (int) Math.round(decoded.height() * f));
            out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            out.getGraphics().drawImage(gray.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(out, "png", bytes);
        return bytes.toByteArray();
    }

    private String sha256Of(UUID taskId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select sha256 from labeling_task where id = ?")) {
            s.setObject(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ItemNotFoundException("task", taskId);
                }
                return rs.getString(1);
            }
        }
    }
}
