package org.karyoloop.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes images and a manifest.jsonl (truth and, optionally, a label per image) into a folder. */
@Command(name = "generate", description = "Writes generated spreads and a manifest.jsonl (their truth and, with "
        + "--labels, a label per image) into a folder.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GeneratorOptions generator;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder to write into")
    Path folder;

    @Option(names = "--count", paramLabel = "N", description = "how many images")
    long count = 100;

    @Option(names = "--start", paramLabel = "I", description = "the index of the first image")
    long start = 0;

    @Option(names = "--labels", paramLabel = "legacy|doctor|none", defaultValue = "none",
            description = "the label model that labels each image in the manifest, or none")
    String labels;

    @Option(names = "--threads", paramLabel = "T", description = "generator threads (the output does not depend on "
            + "them)")
    int threads = 1;

    @Override
    public Integer call() throws IOException {
        GeneratorConfig config = generator.config();
        LabelModel model = "none".equalsIgnoreCase(labels) ? null
                : SynthCli.checked(spec, () -> LabelModel.named(labels));
        ImageCodec.Format format = generator.format;
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(folder);
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        long started = System.nanoTime();
        try (ManifestWriter manifest = new ManifestWriter(folder.resolve(ManifestWriter.FILE_NAME))) {
            new ImageStream(config, format, threads).run(start, count, encoded -> {
                String file = encoded.fileName(config.seed());
                try {
                    Files.write(folder.resolve(file), encoded.bytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                SpreadTruth truth = encoded.image().truth();
                Grade label = model == null ? null
                        : model.label(truth, Seeds.random(config.streamSeed(), encoded.image().index(), Seeds.LABEL));
                manifest.write(
                        encoded.manifestEntry(config.seed(), file, label, model == null ? "none" : model.name()));
                grades.merge(truth.grade(), 1, Integer::sum);
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("generated %d %s images (%dx%d, domain %s, seed %d) into %s in %.1f s: %s%n", count,
                format.extension(), config.width(), config.height(), config.domain().name(), config.seed(), folder,
                seconds, grades);
        return 0;
    }
}
