package org.karyoloop.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code karyoloop measure}: what karyoloop measures of each image, without a model. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Prints per image its modality, the chromosomes counted (touching ones split), the clusters of "
                + "touching or overlapping chromosomes, whether it is a metaphase spread (the reason when not), and "
                + "every measurement.",
            ImageOptions.FOLDERS})
final class MeasureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ImageOptions images;

    @Override
    public Integer call() {
        return images.run(spec, null);
    }
}
