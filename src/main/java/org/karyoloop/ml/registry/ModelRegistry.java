package org.karyoloop.ml.registry;

import ai.djl.Device;
import ai.djl.Model;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.registry.ModelArtifactRejectedException.Reason;
import org.karyoloop.platform.blob.BlobStore;

/**
 * The model registry: registers immutable versions (artifact verified first: hash, loads, answers a
 * probe with the declared shape; then stored in the blob store by SHA-256 and recorded in
 * model_version) and reads them back with their artifact. Thread-safe (stateless); a race on the same
 * name and version ends in one version and one {@link ModelVersionConflictException}.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ModelVersionRepository versions;
    private final BlobStore blobs;
    private final ObjectMapper mapper;

    public ModelRegistry(ModelVersionRepository versions, BlobStore blobs, ObjectMapper mapper) {
        this.versions = versions;
        this.blobs = blobs;
        this.mapper = mapper;
    }

    /** Verifies and registers {@code artifact} as {@code spec}; returns the spec with its SHA-256. */
    public ModelVersionSpec register(ModelVersionSpec spec, byte[] artifact) {
        validate(spec);
        String sha256 = sha256(artifact);
        if (spec.artifactSha256() != null && !spec.artifactSha256().equalsIgnoreCase(sha256)) {
            throw new ModelArtifactRejectedException(Reason.HASH_MISMATCH,
                    "declared SHA-256 " + spec.artifactSha256() + " but the artifact's is " + sha256);
        }
        if (find(spec.modelName(), spec.version()).isPresent()) {
            throw new ModelVersionConflictException(spec.modelName(), spec.version());
        }
        try (Model probed = ModelArtifacts.load(spec, artifact, Device.cpu())) {
            LOG.debugf("artifact of %s loads and answers the probe", spec.id());
        }
        ModelVersionSpec verified = spec.withSha256(sha256);
        try {
            blobs.put(sha256, artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("blob store write failed", e);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> versions.persistAndFlush(toEntity(verified, artifact.length)));
        } catch (RuntimeException e) {
            if (find(spec.modelName(), spec.version()).isPresent()) {
                throw new ModelVersionConflictException(spec.modelName(), spec.version());
            }
            throw e;
        }
        LOG.infof("registered %s (%s, %s, sha256 %s)", verified.id(), spec.artifactFormat(), spec.origin(), sha256);
        return verified;
    }

    /** The version, if registered. */
    public Optional<ModelVersionSpec> find(String modelName, String version) {
        return QuarkusTransaction.requiringNew().call(() -> versions.find(modelName, version).map(this::toSpec));
    }

    /** All versions of a model, oldest first. */
    public List<ModelVersionSpec> list(String modelName) {
        return QuarkusTransaction.requiringNew()
                .call(() -> versions.listByName(modelName).stream().map(this::toSpec).toList());
    }

    /** Whether any version of the model is registered. */
    public boolean hasAny(String modelName) {
        return QuarkusTransaction.requiringNew().call(() -> versions.hasAny(modelName));
    }

    /** The artifact bytes of a registered version, checked against its SHA-256. */
    public byte[] artifact(ModelVersionSpec spec) {
        return artifact(blobs, spec);
    }

    /** The artifact bytes of a registered version from {@code blobs}, checked against its SHA-256. */
    public static byte[] artifact(BlobStore blobs, ModelVersionSpec spec) {
        try (InputStream in = blobs.open(spec.artifactSha256()).orElseThrow(() -> new ModelArtifactRejectedException(
                Reason.MISSING, "the blob store has no artifact " + spec.artifactSha256() + " for " + spec.id()))) {
            byte[] bytes = in.readAllBytes();
            if (!sha256(bytes).equals(spec.artifactSha256())) {
                throw new ModelArtifactRejectedException(Reason.HASH_MISMATCH,
                        "stored artifact of " + spec.id() + " does not match its SHA-256");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("blob store read failed", e);
        }
    }

    /**
     * Whether {@code name} may name a model or a version: they end up in paths, page menus, metric labels and log
     * lines, so no separators, markup, spaces or control characters, and no leading dot.
     */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Checks the metadata registration requires: name and version, format, origin, architecture, preprocessing, and
     * a class order and threshold that make a grade rule.
     *
     * @throws ModelArtifactRejectedException INVALID_METADATA, saying what is missing or wrong
     */
    public static void validate(ModelVersionSpec spec) {
        String problem = null;
        if (!validName(spec.modelName()) || !validName(spec.version())) {
            problem = "modelName and version are 1 to 100 letters, digits, '.', '_' or '-', starting with a letter"
                    + " or digit";
        } else if (spec.artifactFormat() == null || spec.origin() == null || blank(spec.architecture())
                || spec.preprocessing() == null) {
            problem = "artifactFormat, origin, architecture and preprocessing are required";
        } else {
            problem = spec.preprocessing().incompatibility();
        }
        if (problem == null) {
            try {
                spec.gradeRule();
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new ModelArtifactRejectedException(Reason.INVALID_METADATA, problem);
        }
    }

    private ModelVersion toEntity(ModelVersionSpec spec, long bytes) {
        ModelVersion v = new ModelVersion();
        v.id = UUID.randomUUID();
        v.modelName = spec.modelName();
        v.version = spec.version();
        v.artifactSha256 = spec.artifactSha256();
        v.artifactFormat = spec.artifactFormat();
        v.artifactBytes = bytes;
        v.architecture = spec.architecture();
        v.inputSize = spec.preprocessing().inputSize();
        v.preprocessing = json(spec.preprocessing());
        v.classOrder = json(spec.classes());
        v.goodThreshold = spec.goodThreshold();
        v.metrics = json(spec.metrics());
        v.parentVersion = spec.parentVersion();
        v.origin = spec.origin();
        v.trainingJob = spec.trainingJob();
        v.createdAt = Instant.now();
        v.createdBy = spec.createdBy();
        return v;
    }

    private ModelVersionSpec toSpec(ModelVersion v) {
        return toSpec(v, mapper);
    }

    /** The spec of a model_version row, its JSON columns read with {@code mapper}. */
    public static ModelVersionSpec toSpec(ModelVersion v, ObjectMapper mapper) {
        try {
            return new ModelVersionSpec(v.modelName, v.version, v.artifactFormat, v.artifactSha256, v.architecture,
                    mapper.readValue(v.preprocessing, PreprocessRecipe.class),
                    mapper.readValue(v.classOrder, new TypeReference<List<String>>() {}), v.goodThreshold,
                    mapper.readValue(v.metrics, new TypeReference<Map<String, Double>>() {}), v.parentVersion,
                    v.origin, v.trainingJob, v.createdBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model_version " + v.id + " holds unreadable metadata", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
