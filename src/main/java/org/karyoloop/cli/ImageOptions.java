package org.karyoloop.cli;

import java.nio.file.Path;
import java.util.List;
import org.karyoloop.ml.spread.Modality;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code measure} and {@code grade} share (a picocli mixin): the files and folders, {@code --json} and
 * {@code --modality}, and the run over them. Used by the one command-line thread.
 */
final class ImageOptions {

    /** The commands' paragraph on folders, progress and unreadable files. */
    static final String FOLDERS = "Folders are searched for .tif, .tiff, .png, .jpg, .jpeg and .bmp files, with "
            + "progress on stderr; a file that cannot be read gets a line with the reason and the run goes on (exit "
            + "code 1).";

    @Option(names = "--json", description = "one JSON object per line: file, modality, chromosomes, clusters, spread, "
            + "reason, description, measurements (with grade: also model, grade, probabilities, goodThreshold, "
            + "verdict); error and detail for an unreadable file")
    boolean json;

    @Option(names = "--modality", paramLabel = "<modality>", converter = ModalityConverter.class,
            description = "measure every image as brightfield, fluorescence or fluorescence-inverted instead of "
                    + "detecting it per image")
    Modality modality;

    @Parameters(arity = "1..*", paramLabel = "<files or folders>", description = "images, or folders of images")
    List<Path> inputs;

    /** Reports every image of the inputs on {@code spec}'s streams, graded when {@code grader} is not null. */
    int run(CommandSpec spec, Grader grader) {
        return new ImageRun(spec.commandLine().getOut(), spec.commandLine().getErr(), json, modality, grader)
                .run(inputs);
    }
}
