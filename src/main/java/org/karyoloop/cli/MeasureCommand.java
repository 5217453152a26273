package org.karyoloop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.karyoloop.ml.spread.Modality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code karyoloop measure}: what karyoloop measures of each image, without a model. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Prints per image its modality, the chromosomes counted (touching ones split), the clusters of "
                + "touching or overlapping chromosomes, whether it is a metaphase spread (the reason when not), and "
                + "every measurement.",
            "Folders are searched for .tif, .tiff, .png, .jpg, .jpeg and .bmp files, with progress on stderr; a file "
                + "that cannot be read gets a line with the reason and the run goes on (exit code 1)."})
final class MeasureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "one JSON object per line (file, modality, chromosomes, clusters, "
            + "spread, reason, description, measurements; error and detail for an unreadable file)")
    boolean json;

    @Option(names = "--modality", paramLabel = "<modality>", converter = ModalityConverter.class,
            description = "measure every image as brightfield, fluorescence or fluorescence-inverted instead of "
                    + "detecting it per image")
    Modality modality;

    @Parameters(arity = "1..*", paramLabel = "<files or folders>", description = "images, or folders of images")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return new ImageRun(out, err, json, modality, null).run(inputs);
    }
}
