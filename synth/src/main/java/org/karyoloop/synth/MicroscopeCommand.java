package org.karyoloop.synth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code microscope}: pushes generated images to ingest over Kafka or REST at a rate (or as fast as
 * it can) from several simulated microscopes, and writes the manifest of what it pushed, truth by SHA-256.
 */
final class MicroscopeCommand {

    static final String USAGE = "microscope (--kafka HOST:PORT --topic images.raw | --rest http://HOST:PORT)"
            + " (--rate R | --max) --count N [--sources 3] [--manifest FILE] " + GeneratorOptions.USAGE
            + " [--format png|jpeg] [--start I] [--threads T]";

    private MicroscopeCommand() {
    }

    /** A slide sits under one microscope: slides go to sources round robin. */
    static String sourceOf(SyntheticImage image, int sources) {
        return "microscope-" + (Math.floorMod(image.slide().index(), sources) + 1);
    }

    static void run(CliArgs args, PrintStream out) throws IOException {
        GeneratorConfig config = GeneratorOptions.config(args);
        String kafka = args.string("kafka", null);
        String topic = args.string("topic", "images.raw");
        String rest = args.string("rest", null);
        boolean max = args.has("max");
        double rate = args.doubleValue("rate", 0);
        long count = args.longValue("count", 100);
        long start = args.longValue("start", 0);
        int sources = args.intValue("sources", 3);
        Path manifestFile = Path.of(args.string("manifest", "target/microscope/" + ManifestWriter.FILE_NAME));
        ImageCodec.Format format = ImageCodec.Format.named(args.string("format", "png"));
        int threads = args.intValue("threads", Math.max(1, Runtime.getRuntime().availableProcessors()));
        args.requireAllRead();
        if ((kafka == null) == (rest == null)) {
            throw new IllegalArgumentException("give exactly one of --kafka and --rest");
        }
        if (max == rate > 0) {
            throw new IllegalArgumentException("give exactly one of --rate R (images per second, > 0) and --max");
        }
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
    }

    private static void flush(ManifestWriter manifest) {
        try {
            manifest.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
