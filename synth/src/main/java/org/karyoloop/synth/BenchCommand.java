package org.karyoloop.synth;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: images per second on one thread at a size, after a warm-up, for rendering alone and
 * for the whole generate path without the disk (render, truth, encode, SHA-256).
 */
@Command(name = "bench", description = {"Images per second on one thread at a size, after a warm-up: rendering "
        + "alone, and the whole generate path without the disk (render, truth, encode, SHA-256).",
    "Its last line: RESULT generate_per_s=<images per second>."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GeneratorOptions generator;

    @Option(names = "--warmup", paramLabel = "N", description = "images generated and discarded before the timing")
    int warmup = 20;

    @Option(names = "--count", paramLabel = "N", description = "images timed")
    int count = 60;

    @Override
    public Integer call() {
        if (warmup < 0 || count < 1) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0 and --count >= 1");
        }
        GeneratorConfig config = generator.config();
        ImageCodec.Format format = generator.format;
        PrintWriter out = spec.commandLine().getOut();
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
        return 0;
    }
}
