package org.karyoloop.synth;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One simulated doctor's review: claim the next item, fetch its image, look its truth up by SHA-256
 * in the microscope's manifest and answer the true grade as a doctor would read it (a label model);
 * an image the manifest does not know is skipped with a reason, never guessed. Not thread-safe (one
 * instance per simulated doctor; its random and truth index are its own).
 */
final class SimulatedDoctor {

    /** What one review did. */
    enum Outcome { LABELED, SKIPPED, NOTHING_TO_DO }

    /** The reason given when the manifest does not know an image. */
    static final String UNKNOWN_IMAGE = "simulated doctor: image not in the manifest";

    private final AnnotationClient api;
    private final TruthIndex truths;
    private final LabelModel labels;
    private final RandomGenerator random;
    private final long[] counts = new long[Outcome.values().length];
    private final long[] grades = new long[Grade.values().length];

    SimulatedDoctor(AnnotationClient api, TruthIndex truths, LabelModel labels, RandomGenerator random) {
        this.api = api;
        this.truths = truths;
        this.labels = labels;
        this.random = random;
    }

    /** Claims and answers one item. */
    Outcome reviewNext() throws IOException, InterruptedException {
        Optional<AnnotationClient.Claim> claim = api.claim();
        if (claim.isEmpty()) {
            return count(Outcome.NOTHING_TO_DO);
        }
        AnnotationClient.Image image = api.image(claim.get());
        // The ETag names the original's hash, which is also right when the server shows a rendering.
        String sha = image.originalSha256() != null ? image.originalSha256() : sha256(image.bytes());
        Optional<ManifestEntry> truth = truths.find(sha);
        if (truth.isEmpty()) {
            api.skip(claim.get(), UNKNOWN_IMAGE);
            return count(Outcome.SKIPPED);
        }
        Grade grade = answer(truth.get(), labels, random);
        api.label(claim.get(), grade, "simulated doctor (" + labels.name() + " label model)");
        grades[grade.ordinal()]++;
        return count(Outcome.LABELED);
    }

    /** The label this doctor gives an image of this truth. */
    static Grade answer(ManifestEntry truth, LabelModel labels, RandomGenerator random) {
        return labels.label(truth.trueGrade(), truth.truth().score(), random);
    }

    long total(Outcome outcome) {
        return counts[outcome.ordinal()];
    }

    long labeled(Grade grade) {
        return grades[grade.ordinal()];
    }

    private Outcome count(Outcome outcome) {
        counts[outcome.ordinal()]++;
        return outcome;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
