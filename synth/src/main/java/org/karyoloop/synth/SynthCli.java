package org.karyoloop.synth;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line of the synthetic metaphase generator (picocli): generate, contact-sheet, microscope, bench, audit,
 * doctor, each with its own {@code --help}. Exit codes: 0 done, 1 failed, 2 wrong usage (with a message naming what
 * was wrong).
 */
@Command(name = "synth", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = SynthCli.Version.class, showDefaultValues = true,
        subcommands = {GenerateCommand.class, ContactSheetCommand.class, MicroscopeCommand.class, BenchCommand.class,
            AuditCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class},
        description = "Synthetic metaphase spreads with exact truth, and the simulated lab around them: microscopes "
                + "pushing images to ingest and a doctor labelling them.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command failed (its message says why)", "2:wrong usage"})
public final class SynthCli implements Runnable {

    /** The exit code of a command that failed. */
    public static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    /** Runs a command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command with {@code out} for results and {@code err} for errors; returns its exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new SynthCli());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        // Scripts give their defaults first and pass the caller's options after them (bench/generate.sh): the last
        // value of an option given twice wins.
        cli.setOverwrittenOptionsAllowed(true);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("synth " + command.getCommandName() + ": " + e);
            return FAILED;
        });
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "name a command: generate, contact-sheet, microscope, bench, audit or doctor");
    }

    /**
     * The value {@code value} gives, with an {@link IllegalArgumentException} of its (a settings check) turned into a
     * usage error of {@code spec}'s command.
     */
    static <T> T checked(CommandSpec spec, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The generator's version from its jar manifest, when it runs from one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SynthCli.class.getPackage().getImplementationVersion();
            return new String[] {"synth " + (v == null ? "(built from source)" : v)};
        }
    }
}
