package org.karyoloop.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.karyoloop.ml.registry.ModelArtifactRejectedException;
import org.karyoloop.ml.registry.ModelArtifactRejectedException.Reason;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.ml.registry.ModelVersionSpec;

/**
 * A model version kept as files: the artifact (DJL {@code .params} or TorchScript {@code .pt}) and its metadata,
 * the model version JSON that {@code POST /api/models/{name}/versions} takes, either named explicitly or beside the
 * artifact as {@code <artifact name without its ending>.json} or {@code <artifact name>.json}. A missing model name
 * is the artifact's file name, a missing version {@code file}, a missing origin IMPORTED; the metadata is checked
 * as registration checks it, and a declared SHA-256 must match. Stateless.
 */
final class ArtifactFile {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);

    private ArtifactFile() {
    }

    /** The version described by the artifact's metadata; {@code metadata} may be null to look beside it. */
    static Grader load(Path artifact, Path metadata) throws IOException {
        Path described = metadata != null ? metadata : beside(artifact);
        ModelVersionSpec declared;
        try {
            declared = JSON.readValue(described.toFile(), ModelVersionSpec.class);
        } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
            throw new ModelArtifactRejectedException(Reason.INVALID_METADATA,
                    described + " is not a model version description: " + e.getMessage(), e);
        }
        byte[] bytes = Files.readAllBytes(artifact);
        String name = artifact.getFileName().toString();
        ModelVersionSpec spec = new ModelVersionSpec(
                declared.modelName() == null ? name : declared.modelName(),
                declared.version() == null ? "file" : declared.version(), declared.artifactFormat(),
                declared.artifactSha256(), declared.architecture(), declared.preprocessing(), declared.classes(),
                declared.goodThreshold(), declared.metrics(), declared.parentVersion(),
                declared.origin() == null ? ModelOrigin.IMPORTED : declared.origin(), declared.trainingJob(),
                declared.createdBy());
        ModelRegistry.validate(spec);
        String sha256 = ModelRegistry.sha256(bytes);
        if (spec.artifactSha256() != null && !spec.artifactSha256().equalsIgnoreCase(sha256)) {
            throw new ModelArtifactRejectedException(Reason.HASH_MISMATCH,
                    described + " declares SHA-256 " + spec.artifactSha256() + " but " + artifact + " has " + sha256);
        }
        return Grader.load(spec.withSha256(sha256), bytes);
    }

    /** The metadata file beside {@code artifact}. */
    static Path beside(Path artifact) {
        String name = artifact.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path dir = artifact.toAbsolutePath().getParent();
        Path stripped = dir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".json");
        if (Files.isRegularFile(stripped)) {
            return stripped;
        }
        Path appended = dir.resolve(name + ".json");
        if (Files.isRegularFile(appended)) {
            return appended;
        }
        throw new ModelArtifactRejectedException(Reason.INVALID_METADATA, "no metadata for " + artifact + ": put its "
                + "model version JSON beside it as " + stripped.getFileName() + " or name it with --metadata");
    }
}
