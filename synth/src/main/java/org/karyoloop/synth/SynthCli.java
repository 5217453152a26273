package org.karyoloop.synth;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;

/** The command line of the synthetic metaphase generator: generate, contact-sheet, microscope, bench, audit, doctor. */
public final class SynthCli {

    private static final String USAGE = String.join("\n",
            "usage: synth <command> [options]",
            "  " + GenerateCommand.USAGE,
            "  contact-sheet --out docs/images/contact-sheet.png [--detail docs/images/contact-sheet-detail.png]"
                    + " [--per-row 4] [--seed S]",
            "  " + MicroscopeCommand.USAGE,
            "  " + BenchCommand.USAGE,
            "  " + AuditCommand.USAGE,
            "  " + DoctorCommand.USAGE);

    private SynthCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the process exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            CliArgs options = new CliArgs(args, 1, Set.of("max", "until-empty"));
            switch (args[0]) {
                case "generate" -> GenerateCommand.run(options, out);
                case "contact-sheet" -> contactSheet(options, out);
                case "microscope" -> MicroscopeCommand.run(options, out);
                case "bench" -> BenchCommand.run(options, out);
                case "audit" -> AuditCommand.run(options, out);
                case "doctor" -> DoctorCommand.run(options, out);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("synth: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("synth: " + e);
            return 1;
        }
    }

    private static void contactSheet(CliArgs args, PrintStream out) throws java.io.IOException {
        Path file = Path.of(args.string("out", "docs/images/contact-sheet.png"));
        String detail = args.string("detail", null);
        int perRow = args.intValue("per-row", 4);
        long seed = args.longValue("seed", 1);
        args.requireAllRead();
        ContactSheet sheet = new ContactSheet(GeneratorConfig.DEFAULT_SIZE, 256, perRow, seed);
        write(sheet.overview(), file);
        out.println("wrote " + file);
        if (detail != null) {
            write(sheet.detail(384), Path.of(detail));
            out.println("wrote " + detail);
        }
    }

    private static void write(java.awt.image.BufferedImage image, Path file) throws java.io.IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ImageIO.write(image, "png", file.toFile());
    }
}
