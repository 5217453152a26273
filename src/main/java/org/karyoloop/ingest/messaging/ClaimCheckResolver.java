package org.karyoloop.ingest.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.karyoloop.ingest.IngestConfig;
import org.karyoloop.ingest.IngestRequestRejectedException;
import org.karyoloop.ingest.IngestRequestRejectedException.Reason;

/**
 * Turns a claim-check record into image bytes, reading only regular files below the configured
 * root (links are resolved first, so a link cannot lead outside it) and never more than the byte
 * limit. Thread-safe (stateless).
 */
@ApplicationScoped
public class ClaimCheckResolver {

    private final ObjectMapper mapper;
    private final Path root;
    private final long maxBytes;

    public ClaimCheckResolver(ObjectMapper mapper, IngestConfig config) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.root = Path.of(config.claimCheckRoot()).toAbsolutePath().normalize();
        this.maxBytes = config.maxBytes();
    }

    /** Whether a record value with this declared content type is a claim check. */
    public static boolean isClaimCheck(String contentType, byte[] value) {
        if (contentType != null) {
            return contentType.startsWith(ClaimCheck.MEDIA_TYPE);
        }
        return value.length > 0 && value.length < 8192 && value[0] == '{';
    }

    /** Parses the record and reads the bytes it names. */
    public Resolved resolve(byte[] value) throws IngestRequestRejectedException {
        ClaimCheck check = parse(value);
        Path file = locate(check.uri());
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                // Read no more than the limit + 1 so the decoder reports the size problem itself.
                try (InputStream in = Files.newInputStream(file)) {
                    return new Resolved(check, in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
                }
            }
            return new Resolved(check, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_NOT_FOUND, "no file at " + check.uri());
        } catch (IOException e) {
            // The exception's message names the server's path; the sender learns only its own URI.
            throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_NOT_FOUND, "cannot read " + check.uri());
        }
    }

    private ClaimCheck parse(byte[] value) throws IngestRequestRejectedException {
        try {
            ClaimCheck check = mapper.readValue(value, ClaimCheck.class);
            if (check == null || check.uri() == null || check.uri().isBlank()) {
                throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_INVALID, "claim check has no uri");
            }
            return check;
        } catch (IOException e) {
            throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_INVALID,
                    "claim check is not valid JSON: " + e.getMessage());
        }
    }

    private Path locate(String uriText) throws IngestRequestRejectedException {
        URI uri;
        try {
            uri = URI.create(uriText);
        } catch (IllegalArgumentException e) {
            throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_INVALID, "not a URI: " + uriText);
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_FORBIDDEN,
                    "only file: URIs are accepted, not " + uri.getScheme());
        }
        Path path;
        try {
            path = Path.of(uri).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_INVALID, "not a file URI: " + uriText);
        }
        // Details name only the sender's URI, never the root, and a link that leads nowhere is refused exactly like
        // one that leads outside the root: dead letters must not tell which files exist elsewhere on the server.
        if (!path.startsWith(root)) {
            throw forbidden(uriText);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IngestRequestRejectedException(Reason.CLAIM_CHECK_NOT_FOUND, "no file at " + uriText);
        }
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(root.toRealPath()) || !Files.isRegularFile(real)) {
                throw forbidden(uriText);
            }
            return real;
        } catch (IOException e) {
            throw forbidden(uriText);
        }
    }

    private static IngestRequestRejectedException forbidden(String uriText) {
        return new IngestRequestRejectedException(Reason.CLAIM_CHECK_FORBIDDEN,
                uriText + " does not name a regular file below the claim-check root");
    }

    /** The claim check and the bytes it named. */
    public record Resolved(ClaimCheck check, byte[] bytes) {
    }
}
