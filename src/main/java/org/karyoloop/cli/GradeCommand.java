package org.karyoloop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.karyoloop.ml.registry.ModelArtifactRejectedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code karyoloop grade}: what a model version says of each image, next to what is measured. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grades each image with a model version as scoring does (the version's own preprocessing and "
                + "calibrated GOOD threshold) and prints the grade, the probabilities and the verdict, with the "
                + "measurements. An image that is not a metaphase spread is never graded: its verdict is "
                + "not-a-spread, with the reason.",
            "--model is an artifact file (DJL .params or TorchScript .pt) with its model version JSON beside it "
                    + "(model.params + model.json, or --metadata), read offline; or a registry name[:version] (the "
                    + "newest version without one), read from the service's PostgreSQL (DB_HOST, DB_PORT, DB_NAME, "
                    + "DB_USER, DB_PASSWORD) and blob store (--blob-root).",
            ImageOptions.FOLDERS})
final class GradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ImageOptions images;

    @Option(names = "--model", required = true, paramLabel = "<artifact file | name[:version]>",
            description = "the model version to grade with")
    String model;

    @Option(names = "--metadata", paramLabel = "<json file>",
            description = "the artifact file's model version JSON, when it is not beside the artifact")
    Path metadata;

    @Option(names = "--blob-root", paramLabel = "<folder>", defaultValue = "${env:KARYOLOOP_BLOB_ROOT:-data/blobs}",
            description = "the service's blob store, for a registry name (default: ${DEFAULT-VALUE})")
    Path blobRoot;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Grader grader;
        try {
            grader = load();
        } catch (IOException | SQLException | ModelArtifactRejectedException | IllegalArgumentException e) {
            err.println("karyoloop grade: cannot load model " + model + ": " + e.getMessage());
            return KaryoloopCli.MODEL_UNAVAILABLE;
        }
        try (grader) {
            err.println("grading with " + grader.spec().id() + " (" + grader.spec().architecture() + ")");
            return images.run(spec, grader);
        }
    }

    private Grader load() throws IOException, SQLException {
        Path file = Path.of(model);
        if (Files.isRegularFile(file)) {
            return ArtifactFile.load(file, metadata);
        }
        if (metadata != null) {
            throw new IllegalArgumentException("--metadata goes with an artifact file, and there is no file " + model);
        }
        return RegistryVersion.load(model, blobRoot);
    }
}
