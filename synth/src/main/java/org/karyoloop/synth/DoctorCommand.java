package org.karyoloop.synth;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: a simulated doctor that signs in to the annotation API, claims items, and labels
 * them from the truth in a microscope's manifest through a label model, at a pace; runs until it has
 * labeled {@code --count} items (or forever), or with {@code --until-empty} until the queue is empty.
 */
@Command(name = "doctor", description = {"A simulated doctor: signs in to the annotation API, claims items and "
        + "labels them from the truth in a microscope's manifest through the doctor label model, one label per "
        + "--pace-ms; until it has labelled --count items (default: forever), or with --until-empty until the queue "
        + "is empty. Retries while the service does not answer."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", required = true,
            description = "the service's base URL, http://HOST:PORT")
    String url;

    @Option(names = "--user", paramLabel = "U", required = true, description = "the doctor's user name")
    String user;

    @Option(names = "--password", paramLabel = "P", defaultValue = "${env:KARYOLOOP_DOCTOR_PASSWORD}",
            showDefaultValue = Visibility.NEVER,
            description = "the doctor's password (default: the environment variable KARYOLOOP_DOCTOR_PASSWORD)")
    String password;

    @Option(names = "--manifest", paramLabel = "FILE", description = "the microscope's manifest: the truth by SHA-256")
    Path manifest = Path.of("target/microscope/" + ManifestWriter.FILE_NAME);

    @Option(names = "--pace-ms", paramLabel = "MS", description = "the time a label takes")
    long paceMs = 2000;

    @Option(names = "--idle-ms", paramLabel = "MS", description = "the wait when there is nothing to label")
    long idleMs = 5000;

    @Option(names = "--count", paramLabel = "N", showDefaultValue = Visibility.NEVER,
            description = "stop after this many labels (default: no limit)")
    long count = Long.MAX_VALUE;

    @Option(names = "--until-empty", description = "stop when there is nothing to label")
    boolean untilEmpty;

    @Option(names = "--disagreement", paramLabel = "X",
            description = "share of labels that differ from the true grade (a doctor's disagreement)")
    double disagreement = DoctorLabelModel.DEFAULT_DISAGREEMENT;

    @Option(names = "--seed", paramLabel = "S", description = "the seed of the label model's draws")
    long seed = 1;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (password == null) {
            throw new ParameterException(spec.commandLine(), "give --password or set KARYOLOOP_DOCTOR_PASSWORD");
        }
        if (paceMs < 0 || idleMs < 0 || count < 1) {
            throw new ParameterException(spec.commandLine(), "--pace-ms and --idle-ms must be >= 0 and --count >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        SimulatedDoctor doctor = new SimulatedDoctor(new AnnotationClient(url, user, password),
                new TruthIndex(manifest),
                SynthCli.checked(spec,
                        () -> new DoctorLabelModel(disagreement, DoctorLabelModel.DEFAULT_ADJACENT_SHARE)),
                new SplittableRandom(seed));
        out.printf("simulated doctor %s at %s, one label every %d ms, truth from %s%n", user, url, paceMs, manifest);
        while (doctor.total(SimulatedDoctor.Outcome.LABELED) < count) {
            SimulatedDoctor.Outcome outcome;
            try {
                outcome = doctor.reviewNext();
            } catch (IOException e) {
                // The service may be restarting; a doctor waits and tries again rather than giving up.
                out.println("simulated doctor: " + e.getMessage() + "; retrying");
                outcome = SimulatedDoctor.Outcome.NOTHING_TO_DO;
            }
            if (outcome == SimulatedDoctor.Outcome.NOTHING_TO_DO && untilEmpty) {
                break;
            }
            // Pacing a simulated person, not processing: a doctor takes time per label, and waits when idle;
            // skipping an image that is not ours takes no reading time.
            if (outcome != SimulatedDoctor.Outcome.SKIPPED) {
                TimeUnit.MILLISECONDS.sleep(outcome == SimulatedDoctor.Outcome.NOTHING_TO_DO ? idleMs : paceMs);
            }
            long labeled = doctor.total(SimulatedDoctor.Outcome.LABELED);
            if (outcome == SimulatedDoctor.Outcome.LABELED && labeled % 10 == 0) {
                out.printf("simulated doctor %s: %d labeled (GOOD %d, FAIR %d, POOR %d), %d skipped%n", user, labeled,
                        doctor.labeled(Grade.GOOD), doctor.labeled(Grade.FAIR), doctor.labeled(Grade.POOR),
                        doctor.total(SimulatedDoctor.Outcome.SKIPPED));
            }
        }
        out.printf("simulated doctor %s done: %d labeled, %d skipped%n", user,
                doctor.total(SimulatedDoctor.Outcome.LABELED), doctor.total(SimulatedDoctor.Outcome.SKIPPED));
        return 0;
    }
}
