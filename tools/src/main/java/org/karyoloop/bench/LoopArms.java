package org.karyoloop.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.karyoloop.ml.data.SlideSplit;
import org.karyoloop.training.engine.Evaluation;
import org.karyoloop.training.engine.Example;
import org.karyoloop.training.engine.LossKind;
import org.karyoloop.training.engine.SpreadTrainer;
import org.karyoloop.training.engine.TrainedModel;
import org.karyoloop.training.engine.TrainerOptions;

/**
 * The simulated loop of the quality benchmark: a model pre-trained on the legacy archive (background
 * normalisation, noise-robust loss, legacy negatives down-weighted), then rounds of picking pool
 * images (the sampling strategy or random), the simulated doctor's labels, and retraining from the
 * pre-trained model with the threshold calibrated on the doctor-labelled validation slides.
 */
final class LoopArms {

    /** Fewest doctor reads worth a retraining round (trimming a round to the budget can leave a few over). */
    private static final int MIN_ROUND = 5;

    private final QualityBench b;
    private final SlideSplit legacySplit = new SlideSplit("bench", 0.2, 0);
    private final SlideSplit poolSplit;
    private final LossKind loss;
    /** Whether validation-slide images are read twice and adjudicated (see {@link #reads}). */
    private final boolean adjudicate;

    private final float[][] testInputs;
    private final float[][] poolInputs;

    LoopArms(QualityBench bench) {
        this.b = bench;
        this.testInputs = bench.test.inputs(false);
        this.poolInputs = bench.pool.inputs(false);
        this.poolSplit = new SlideSplit("bench-pool", Double.parseDouble(b.opt.getOrDefault("val-share", "0.3")), 0);
        this.loss = LossKind.valueOf(b.opt.getOrDefault("loss", "CROSS_ENTROPY"));
        this.adjudicate = Boolean.parseBoolean(b.opt.getOrDefault("adjudicate", "true"));
    }

    private final List<Example> legacyTrain = new ArrayList<>();
    private final List<Example> legacyVal = new ArrayList<>();

    TrainedModel pretrain() {
        float negWeight = Float.parseFloat(b.opt.getOrDefault("legacy-negative-weight", "0.3"));
        for (int i = 0; i < b.legacy.n; i++) {
            int label = b.legacy.archiveLabel[i];
            boolean negative = label == SpreadTrainer.POOR;
            Example e = b.legacy.example(i, label, negative ? negWeight : 1f, negative, "legacy-" + b.legacy.slide[i]);
            (legacySplit.partOf("legacy-" + b.legacy.slide[i]) == SlideSplit.Part.TRAIN ? legacyTrain : legacyVal)
                    .add(e);
        }
        TrainerOptions o = TrainerOptions.defaults().withEpochs(b.num("pre-epochs", 20)).withLoss(loss)
                .withBlurShare(b.blurShare).withCalibrationZ(b.calibrationZ)
                .withCheckpoint(b.checkpoint);
        long start = System.nanoTime();
        TrainedModel m = new SpreadTrainer(b.recipe(), o, b.architecture).train(legacyTrain, legacyVal, null,
                () -> false,
                e -> System.out.println("  pretrain " + e));
        System.out.printf(Locale.ROOT, "pretrained on %d legacy images in %.0f s%n", legacyTrain.size(),
                QualityBench.secs(start));
        return m;
    }

    /** Test-set results of {@code m} at its calibrated threshold. */
    QualityBench.Row evaluate(String arm, int labels, TrainedModel m) {
        float[][] p = b.predict(m.artifact(), testInputs, b.architecture, b.recipe());
        Evaluation e = Evaluation.of(p, QualityBench.trueLabels(b.test), m.calibration().threshold());
        return new QualityBench.Row(arm, labels, e.goodPrecision(), e.goodRecall(), e.accuracy(),
                m.calibration().threshold(), m.calibration().eligible());
    }

    List<QualityBench.Row> run(String arm, TrainedModel pre, int budget, int batch) {
        List<QualityBench.Row> rows = new ArrayList<>();
        Set<Integer> picked = new LinkedHashSet<>();
        SplittableRandom random = new SplittableRandom(arm.equals("random") ? 5 : 6);
        TrainedModel current = pre;
        while (budget - reads(picked) >= MIN_ROUND) {
            long start = System.nanoTime();
            float[][] p = arm.equals("random") ? null : b.predict(current.artifact(), poolInputs, b.architecture,
                    b.recipe());
            int round = Math.min(budget, reads(picked) + batch);
            pick(arm, p, picked, Math.min(batch, budget - picked.size()), random, current);
            trimTo(picked, round);
            current = retrain(pre, picked);
            QualityBench.Row row = evaluate(arm, reads(picked), current);
            rows.add(row);
            System.out.printf(Locale.ROOT, "%s  (round %.0f s)%n", row, QualityBench.secs(start));
        }
        return rows;
    }

    /**
     * Doctor reads spent on {@code picked}: one per training-slide image; with adjudication on (the default), two
     * blind reads per validation-slide image plus a third where they disagree, because the GOOD threshold is
     * calibrated on those labels and one doctor's read agrees with the truth only nine times in ten (a single-read
     * validation set cannot show precision 0.90 even for a perfect model).
     */
    int reads(Set<Integer> picked) {
        int reads = 0;
        for (int i : picked) {
            reads += adjudicate && poolSplit.partOf("pool-" + b.pool.slide[i]) != SlideSplit.Part.TRAIN
                    ? b.adjudicated(i)[1] : 1;
        }
        return reads;
    }

    /** Drops the latest picks until the reads fit {@code budget}. */
    private void trimTo(Set<Integer> picked, int budget) {
        List<Integer> order = new ArrayList<>(picked);
        while (reads(picked) > budget) {
            picked.remove(order.remove(order.size() - 1));
        }
    }

    /**
     * The sampling role's strategy as the benchmark simulates it: a fifth of each batch random
     * (exploration), the rest the unlabeled images most likely GOOD or nearest the GOOD threshold
     * (where false GOODs come from), at most two per slide in a batch (diversity).
     */
    private void pick(String arm, float[][] p, Set<Integer> picked, int n, SplittableRandom random,
            TrainedModel current) {
        int target = picked.size() + n;
        if (arm.equals("sampling")) {
            int explore = n / 5;
            double t = current.calibration().threshold();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < b.pool.n; i++) {
                if (!picked.contains(i)) {
                    order.add(i);
                }
            }
            // Rank by closeness of P(GOOD) to the threshold, counting everything above it as close.
            order.sort(java.util.Comparator.comparingDouble(i -> Math.max(0, t - p[i][0])));
            Map<Integer, Integer> perSlide = new HashMap<>();
            for (int i : order) {
                if (picked.size() >= target - explore) {
                    break;
                }
                if (perSlide.merge(b.pool.slide[i], 1, Integer::sum) <= 2) {
                    picked.add(i);
                }
            }
        }
        while (picked.size() < target) {
            picked.add(random.nextInt(b.pool.n));
        }
    }

    private TrainedModel retrain(TrainedModel pre, Set<Integer> picked) {
        List<Example> train = new ArrayList<>(legacyTrain.size() + picked.size());
        float legacyShare = Float.parseFloat(b.opt.getOrDefault("legacy-weight", "0.3"));
        for (Example e : legacyTrain) {
            train.add(new Example(e.pixels(), e.label(), e.weight() * legacyShare, e.unlabeled(), e.slide(),
                    e.measured()));
        }
        List<Example> val = new ArrayList<>();
        int valGood = 0;
        for (int i : picked) {
            String slide = "pool-" + b.pool.slide[i];
            boolean training = poolSplit.partOf(slide) == SlideSplit.Part.TRAIN;
            int label = training || !adjudicate ? b.doctorLabel(i) : b.adjudicated(i)[0];
            Example e = b.pool.example(i, label, 1f, false, slide);
            if (training) {
                // Doctor labels are few: drawn as often as the legacy archive as a whole.
                for (int k = 0; k < Math.max(1, legacyTrain.size() / Math.max(1, picked.size()) / 4); k++) {
                    train.add(e);
                }
            } else {
                val.add(e);
                valGood += e.label() == SpreadTrainer.GOOD ? 1 : 0;
            }
        }
        if (valGood < 5) {
            val.addAll(legacyVal); // too few GOOD reads to calibrate on: fall back to the archive's validation
        }
        TrainerOptions o = TrainerOptions.defaults().withEpochs(b.num("round-epochs", 30)).withLoss(loss)
                .withLearningRate(5e-4f).withSampling(true, true, b.num("round-samples", 2000))
                .withBlurShare(b.blurShare).withCalibrationZ(b.calibrationZ)
                .withCheckpoint(b.checkpoint);
        return new SpreadTrainer(b.recipe(), o, b.architecture).train(train, val, pre.artifact(), () -> false,
                e -> {});
    }

}
