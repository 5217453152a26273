package org.karyoloop.synth;

import java.io.PrintStream;

/**
 * {@code bench}: images per second on one thread at a size, after a warm-up, for rendering alone and
 * for the whole generate path without the disk (render, truth, encode, SHA-256).
 */
final class BenchCommand {

    static final String USAGE = "bench [--size 1024] [--warmup 20] [--count 60] [--format png|jpeg] "
            + GeneratorOptions.USAGE;

    private BenchCommand() {
    }

    static void run(CliArgs args, PrintStream out) {
        GeneratorConfig config = GeneratorOptions.config(args);
        int warmup = args.intValue("warmup", 20);
        int count = args.intValue("count", 60);
        ImageCodec.Format format = ImageCodec.Format.named(args.string("format", "png"));
        args.requireAllRead();
        SpreadGenerator generator = new SpreadGenerator(config);
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += EncodedImage.of(generator.generate(1_000_000L + i), format).bytes().length;
        }
        long renderNanos = 0;
        long encodeNanos = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            SyntheticImage image = generator.generate(i);
            long t1 = System.nanoTime();
            sink += EncodedImage.of(image, format).bytes().length;
            long t2 = System.nanoTime();
            renderNanos += t1 - t0;
            encodeNanos += t2 - t1;
        }
        double renderMs = renderNanos / 1e6 / count;
        double encodeMs = encodeNanos / 1e6 / count;
        out.printf("size %dx%d, domain %s, %d warm-up + %d timed images, one thread, %s%n", config.width(),
                config.height(), config.domain().name(), warmup, count, format.extension());
        out.printf("render+truth %.1f ms/image (%.1f/s), encode+sha256 %.1f ms/image, mean file %d kB%n", renderMs,
                1000 / renderMs, encodeMs, sink / (warmup + count) / 1024);
        out.printf("RESULT generate_per_s=%.1f%n", 1000 / (renderMs + encodeMs));
    }
}
