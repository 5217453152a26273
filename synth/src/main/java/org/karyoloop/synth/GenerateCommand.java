package org.karyoloop.synth;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** {@code generate}: writes images and a manifest.jsonl (truth and, optionally, a label per image) into a folder. */
final class GenerateCommand {

    static final String USAGE = "generate --out DIR --count N " + GeneratorOptions.USAGE
            + " [--labels legacy|doctor|none] [--format png|jpeg] [--start I] [--threads T]";

    private GenerateCommand() {
    }

    static void run(CliArgs args, PrintStream out) throws IOException {
        GeneratorConfig config = GeneratorOptions.config(args);
        Path folder = Path.of(args.required("out"));
        long count = args.longValue("count", 100);
        long start = args.longValue("start", 0);
        String labels = args.string("labels", "none");
        LabelModel model = "none".equals(labels) ? null : LabelModel.named(labels);
        ImageCodec.Format format = ImageCodec.Format.named(args.string("format", "png"));
        int threads = args.intValue("threads", 1);
        args.requireAllRead();
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
    }
}
