package org.karyoloop.synth;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code contact-sheet}: draws the {@link ContactSheet}s that docs/synthetic.md shows, as PNG files. */
@Command(name = "contact-sheet", description = "Draws a sheet of generated examples per domain and grade "
        + "(downscaled whole fields) and, with --detail, a sheet of full-resolution crops.")
final class ContactSheetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "the overview sheet (PNG)")
    Path file = Path.of("docs/images/contact-sheet.png");

    @Option(names = "--detail", paramLabel = "FILE", description = "also the sheet of full-resolution crops (PNG)")
    Path detail;

    @Option(names = "--per-row", paramLabel = "N", description = "examples per row")
    int perRow = 4;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of the examples")
    long seed = 1;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ContactSheet sheet = new ContactSheet(GeneratorConfig.DEFAULT_SIZE, 256, perRow, seed);
        write(sheet.overview(), file);
        out.println("wrote " + file);
        if (detail != null) {
            write(sheet.detail(384), detail);
            out.println("wrote " + detail);
        }
        return 0;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
