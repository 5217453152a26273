package org.karyoloop.synth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code doctor}: a simulated doctor that signs in to the annotation API, claims items, and labels
 * them from the truth in a microscope's manifest through a label model, at a pace; runs until it has
 * labeled {@code --count} items (or forever), or with {@code --until-empty} until the queue is empty.
 */
final class DoctorCommand {

    static final String USAGE = "doctor --url http://HOST:PORT --user U [--password P | env KARYOLOOP_DOCTOR_PASSWORD]"
            + " [--manifest target/microscope/manifest.jsonl] [--pace-ms 2000] [--idle-ms 5000] [--count N]"
            + " [--until-empty] [--disagreement 0.10] [--seed S]";

    private DoctorCommand() {
    }

    static void run(CliArgs args, PrintStream out) throws IOException, InterruptedException {
        String url = args.required("url");
        String user = args.required("user");
        String password = args.string("password", System.getenv("KARYOLOOP_DOCTOR_PASSWORD"));
        Path manifest = Path.of(args.string("manifest", "target/microscope/" + ManifestWriter.FILE_NAME));
        long paceMs = args.longValue("pace-ms", 2000);
        long idleMs = args.longValue("idle-ms", 5000);
        long count = args.longValue("count", Long.MAX_VALUE);
        boolean untilEmpty = args.has("until-empty");
        double disagreement = args.doubleValue("disagreement", DoctorLabelModel.DEFAULT_DISAGREEMENT);
        long seed = args.longValue("seed", 1);
        args.requireAllRead();
        if (password == null) {
            throw new IllegalArgumentException("give --password or set KARYOLOOP_DOCTOR_PASSWORD");
        }
        if (paceMs < 0 || idleMs < 0 || count < 1) {
            throw new IllegalArgumentException("--pace-ms and --idle-ms must be >= 0 and --count >= 1");
        }
        SimulatedDoctor doctor = new SimulatedDoctor(new AnnotationClient(url, user, password),
                new TruthIndex(manifest), new DoctorLabelModel(disagreement, DoctorLabelModel.DEFAULT_ADJACENT_SHARE),
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
    }
}
