package org.karyoloop.training;

import java.util.ArrayList;
import java.util.List;
import org.karyoloop.ml.data.SlideSplit;
import org.karyoloop.ml.data.SlideSplit.Part;
import org.karyoloop.training.engine.SpreadTrainer;

/**
 * Builds a job's data sets from final labels: doctor labels are split by slide into train, validation
 * and the frozen evaluation set (a slide's part depends only on its id and the salt, so the evaluation
 * slides are never trained on, job after job); legacy labels only ever train (the archive is another
 * domain), their GOOD/FAIR at a reduced weight and their POOR, the noisy negatives, at a lower weight
 * (unlabeled for the nnPU loss), or excluded. Pure; thread-safe (immutable).
 */
public final class DatasetAssembler {

    /** One labelled image known to training. */
    public record LabelledImage(String imageId, String sha256, String slideId, String grade, String origin) {
    }

    /** An image in a set, with its class, loss weight and whether nnPU treats it as unlabeled. */
    public record Member(LabelledImage image, int label, float weight, boolean unlabeled) {
    }

    /** The three sets. */
    public record Dataset(List<Member> train, List<Member> validation, List<Member> evaluation) {
    }

    private final SlideSplit split;
    private final float legacyWeight;
    private final float legacyNegativeWeight;

    public DatasetAssembler(SlideSplit split, float legacyWeight, float legacyNegativeWeight) {
        this.split = split;
        this.legacyWeight = legacyWeight;
        this.legacyNegativeWeight = legacyNegativeWeight;
    }

    public Dataset assemble(List<LabelledImage> images) {
        List<Member> train = new ArrayList<>();
        List<Member> validation = new ArrayList<>();
        List<Member> evaluation = new ArrayList<>();
        for (LabelledImage image : images) {
            int label = SpreadTrainer.CLASSES.indexOf(image.grade());
            if (label < 0) {
                continue;
            }
            if ("legacy".equals(image.origin())) {
                boolean negative = label == SpreadTrainer.POOR;
                float weight = negative ? legacyNegativeWeight : legacyWeight;
                if (weight > 0) {
                    train.add(new Member(image, label, weight, negative));
                }
                continue;
            }
            Part part = split.partOf(image.slideId(), image.imageId());
            Member member = new Member(image, label, 1f, false);
            switch (part) {
                case TRAIN -> train.add(member);
                case VALIDATION -> validation.add(member);
                case TEST -> evaluation.add(member);
            }
        }
        return new Dataset(train, validation, evaluation);
    }
}
