package org.karyoloop.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code microscope}: pushes generated images to ingest over Kafka or REST at a rate (or as fast as
 * it can) from several simulated microscopes, and writes the manifest of what it pushed, truth by SHA-256.
 */
@Command(name = "microscope", description = {"Pushes generated images to ingest over Kafka or REST from several "
        + "simulated microscopes (a slide stays under one), paced to --rate or as fast as it can (--max), and writes "
        + "the manifest of what it pushed (truth by SHA-256).",
    "Fails (exit 1) when ingest did not accept every image."})
final class MicroscopeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GeneratorOptions generator;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "the Kafka topic (with --kafka)")
    String topic = "images.raw";

    @ArgGroup(multiplicity = "1")
    Pace pace;

    @Option(names = "--count", paramLabel = "N", description = "how many images")
    long count = 100;

    @Option(names = "--start", paramLabel = "I", description = "the index of the first image")
    long start = 0;

    @Option(names = "--sources", paramLabel = "N", description = "simulated microscopes (microscope-1..N)")
    int sources = 3;

    @Option(names = "--manifest", paramLabel = "FILE", description = "where the manifest of the pushed images goes")
    Path manifestFile = Path.of("target/microscope/" + ManifestWriter.FILE_NAME);

    @Option(names = "--threads", paramLabel = "T", showDefaultValue = Visibility.NEVER,
            description = "generator threads (default: all cores); images are pushed in index order")
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** Where the images go: exactly one of Kafka and REST. */
    static final class Target {
        @Option(names = "--kafka", paramLabel = "HOST:PORT", required = true, description = "Kafka bootstrap servers")
        String kafka;

        @Option(names = "--rest", paramLabel = "URL", required = true,
                description = "the service's base URL, http://HOST:PORT (POST /api/images)")
        String rest;
    }

    /** How fast: exactly one of a rate and as fast as it can. */
    static final class Pace {
        @Option(names = "--rate", paramLabel = "R", required = true, description = "images per second (> 0)")
        double rate;

        @Option(names = "--max", required = true, description = "as fast as it can")
        boolean max;
    }

    /** A slide sits under one microscope: slides go to sources round robin. */
    static String sourceOf(SyntheticImage image, int sources) {
        return "microscope-" + (Math.floorMod(image.slide().index(), sources) + 1);
    }

    @Override
    public Integer call() throws IOException {
        GeneratorConfig config = generator.config();
        ImageCodec.Format format = generator.format;
        String kafka = target.kafka;
        String rest = target.rest;
        boolean max = pace.max;
        double rate = pace.rate;
        if (!max && !(rate > 0)) {
            throw new ParameterException(spec.commandLine(), "--rate must be > 0 (images per second)");
        }
        if (sources < 1) {
            throw new ParameterException(spec.commandLine(), "--sources must be >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (manifestFile.getParent() != null) {
            Files.createDirectories(manifestFile.getParent());
        }
        long started = System.nanoTime();
        long intervalNanos = max ? 0 : (long) (1e9 / rate);
        long[] sent = {0};
        try (ImageSink sink = kafka != null ? KafkaImageSink.connect(kafka, topic) : new RestImageSink(rest);
                ManifestWriter manifest = new ManifestWriter(manifestFile)) {
            new ImageStream(config, format, threads).run(start, count, image -> {
                if (intervalNanos > 0) {
                    // Pacing a load generator, not processing: wait for this image's slot.
                    long due = started + sent[0] * intervalNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                }
                CaptureHeaders headers = CaptureHeaders.of(image, sourceOf(image.image(), sources), Instant.now());
                sink.send(image, headers);
                manifest.write(image.manifestEntry(config.seed(), null, null, "none")
                        .pushedBy(headers.sourceId(), headers.capturedAtIso()));
                if (intervalNanos > 0) {
                    // A simulated doctor reads the manifest while the microscope runs: each line must be on disk.
                    flush(manifest);
                }
                sent[0]++;
            });
            sink.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("pushed %d images in %.1f s (%.1f/s) to %s: %d acknowledged, %d failed%s; manifest %s%n",
                    sent[0], seconds, sent[0] / seconds, kafka != null ? "kafka " + kafka + " " + topic : rest,
                    sink.acknowledged(), sink.failed(),
                    sink.failed() > 0 ? " (last: " + sink.lastFailure() + ")" : "", manifestFile);
            if (sink.failed() > 0) {
                throw new IllegalStateException(sink.failed() + " images were not accepted");
            }
        }
        return 0;
    }

    private static void flush(ManifestWriter manifest) {
        try {
            manifest.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
