package org.karyoloop.rollout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelVersion;
import org.karyoloop.rollout.persistence.EvidenceRepository;

/**
 * Puts a model into a known rollout for the operators' tests: registry rows (metadata only — nothing
 * here loads an artifact), a stable version and a running canary, and live observations with labels.
 */
final class RolloutSeed {

    private final RolloutService rollouts;
    private final EvidenceRepository evidence;

    RolloutSeed(RolloutService rollouts, EvidenceRepository evidence) {
        this.rollouts = rollouts;
        this.evidence = evidence;
    }

    /** v1 stable, v2 canary at the first step; both registered with frozen-set metrics. */
    public void stableAndCanary(String model) {
        register(model, "v1", 0.91, 0.55);
        register(model, "v2", 0.94, 0.62);
        rollouts.onCandidate(model, "v1", true, "seeded");
        rollouts.onCandidate(model, "v2", true, "seeded");
    }

    /** Registry metadata only: the row the versions table reads (a fake artifact hash, never loaded). */
    public void register(String model, String version, double precision, double recall) {
        QuarkusTransaction.requiringNew().run(() -> {
            ModelVersion v = new ModelVersion();
            v.id = UUID.randomUUID();
            v.modelName = model;
            v.version = version;
            v.artifactSha256 = "0".repeat(32) + UUID.randomUUID().toString().replace("-", "");
            v.artifactFormat = ArtifactFormat.DJL;
            v.artifactBytes = 1;
            v.architecture = "spreadnet-v1";
            v.inputSize = 96;
            v.preprocessing = "{}";
            v.classOrder = "[\"GOOD\",\"FAIR\",\"POOR\"]";
            v.goodThreshold = 0.7;
            v.metrics = "{\"eval_good_precision\":" + precision + ",\"eval_good_recall\":" + recall
                    + ",\"good_precision\":0.9,\"good_recall\":0.6,\"eligible\":1.0,\"target_precision\":0.9"
                    + ",\"confusion_GOOD_GOOD\":12,\"confusion_GOOD_FAIR\":3,\"confusion_GOOD_POOR\":1"
                    + ",\"confusion_FAIR_GOOD\":1,\"confusion_FAIR_FAIR\":20,\"confusion_FAIR_POOR\":6"
                    + ",\"confusion_POOR_GOOD\":0,\"confusion_POOR_FAIR\":4,\"confusion_POOR_POOR\":80}";
            v.origin = ModelOrigin.IMPORTED;
            v.createdAt = Instant.now();
            v.createdBy = "seed";
            v.persist();
        });
    }

    /**
     * Scored images of {@code version} in {@code arm} at {@code at}, with final labels: {@code tp} GOOD calls
     * doctors agreed with, {@code fp} GOOD calls they did not, {@code tn} POOR calls they agreed with, and
     * {@code unlabelled} POOR calls without a label.
     */
    public void observations(String model, String version, String arm, Instant at, int tp, int fp, int tn,
            int unlabelled) {
        QuarkusTransaction.requiringNew().run(() -> {
            int n = tp + fp + tn + unlabelled;
            for (int i = 0; i < n; i++) {
                UUID image = UUID.randomUUID();
                boolean predictedGood = i < tp + fp;
                evidence.recordScored(image, model, version, arm, predictedGood, 100 + i, at);
                if (i < tp + fp + tn) {
                    evidence.recordLabel(image, i < tp, at.plusSeconds(60));
                }
            }
        });
    }
}
