package org.karyoloop.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelRegistry;
import org.karyoloop.ml.registry.ModelVersion;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.platform.blob.FileSystemBlobStore;

/**
 * A version read from the model registry without starting the service: its model_version row over JDBC (the
 * database the service uses: {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER},
 * {@code DB_PASSWORD}, with the service's defaults), mapped to its spec by {@link ModelRegistry#toSpec}, and its
 * artifact from the local blob store, checked against its SHA-256 by {@link ModelRegistry#artifact(
 * org.karyoloop.platform.blob.BlobStore, ModelVersionSpec)}. Without a version, the newest registered one. Stateless.
 */
final class RegistryVersion {

    private static final String COLUMNS = "id, model_name, version, artifact_sha256, artifact_format, artifact_bytes,"
            + " architecture, input_size, preprocessing, class_order, good_threshold, metrics, parent_version, origin,"
            + " training_job, created_at, created_by";

    private RegistryVersion() {
    }

    /** Loads {@code name[:version]} with the artifact from the blob store at {@code blobRoot}. */
    static Grader load(String reference, Path blobRoot) throws SQLException {
        int colon = reference.lastIndexOf(':');
        String name = colon < 0 ? reference : reference.substring(0, colon);
        String version = colon < 0 ? null : reference.substring(colon + 1);
        ModelVersionSpec spec = find(name, version);
        FileSystemBlobStore blobs = new FileSystemBlobStore(() -> blobRoot.toString());
        return Grader.load(spec, ModelRegistry.artifact(blobs, spec));
    }

    private static ModelVersionSpec find(String name, String version) throws SQLException {
        String sql = "select " + COLUMNS + " from model_version where model_name = ?"
                + (version == null ? " order by created_at desc limit 1" : " and version = ?");
        try (Connection c = DriverManager.getConnection(url(), env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
                PreparedStatement s = c.prepareStatement(sql)) {
            c.setReadOnly(true);
            s.setString(1, name);
            if (version != null) {
                s.setString(2, version);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException(version == null ? "no version of model " + name
                            + " is registered in " + url() : name + ":" + version + " is not registered in " + url());
                }
                return ModelRegistry.toSpec(row(r), ArtifactFile.JSON);
            }
        }
    }

    private static ModelVersion row(ResultSet r) throws SQLException {
        ModelVersion v = new ModelVersion();
        v.id = r.getObject("id", UUID.class);
        v.modelName = r.getString("model_name");
        v.version = r.getString("version");
        v.artifactSha256 = r.getString("artifact_sha256");
        v.artifactFormat = ArtifactFormat.valueOf(r.getString("artifact_format"));
        v.artifactBytes = r.getLong("artifact_bytes");
        v.architecture = r.getString("architecture");
        v.inputSize = r.getInt("input_size");
        v.preprocessing = r.getString("preprocessing");
        v.classOrder = r.getString("class_order");
        v.goodThreshold = r.getDouble("good_threshold");
        v.metrics = r.getString("metrics");
        v.parentVersion = r.getString("parent_version");
        v.origin = ModelOrigin.valueOf(r.getString("origin"));
        v.trainingJob = r.getString("training_job");
        Timestamp created = r.getTimestamp("created_at");
        v.createdAt = created == null ? null : created.toInstant();
        v.createdBy = r.getString("created_by");
        return v;
    }

    /** The JDBC URL of the service's database. */
    static String url() {
        return "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/"
                + env("DB_NAME", "karyoloop");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
