package org.karyoloop.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * karyoloop's command line for labs: measures spreads ({@code measure}) and grades them with a model
 * ({@code grade}) on files and folders, offline, with the product's own decoder, measurement and preprocessing.
 * A plain entry point of the service's classes (bin/karyoloop runs it); it starts no Quarkus application.
 */
@Command(name = "karyoloop", mixinStandardHelpOptions = true, versionProvider = KaryoloopCli.Version.class,
        subcommands = {MeasureCommand.class, GradeCommand.class, CommandLine.HelpCommand.class},
        description = "Measures metaphase spreads and grades them the way karyoloop does, on your own images.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every image was read",
            "1:at least one file could not be read as an image (its line says why)",
            "2:wrong usage",
            "3:the model could not be loaded"})
public final class KaryoloopCli implements Runnable {

    /** At least one file was not an image the decoder reads. */
    public static final int SOME_UNREADABLE = 1;
    /** The model named by {@code --model} could not be loaded. */
    public static final int MODEL_UNAVAILABLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String... args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with {@code out} for results and {@code err} for progress and errors; its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new KaryoloopCli());
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: measure or grade");
    }

    /** The service's version from its jar manifest, when it runs from one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KaryoloopCli.class.getPackage().getImplementationVersion();
            return new String[] {"karyoloop " + (v == null ? "(built from source)" : v)};
        }
    }
}
