package org.karyoloop.training.engine;

import ai.djl.ndarray.NDArray;

/**
 * The batch losses of {@link LossKind} on class logits. {@code oneHot} is B x C, {@code weight} and
 * {@code unlabeled} are B (unlabeled 1 for a legacy negative the nnPU loss treats as unlabeled).
 * Stateless; thread-safe.
 */
public final class Losses {

    private Losses() {
    }

    /** The scalar loss of one batch. */
    public static NDArray loss(LossKind kind, NDArray logits, NDArray oneHot, NDArray weight, NDArray unlabeled,
            int poorIndex, float focalGamma, float puPrior) {
        NDArray logp = logits.logSoftmax(1);
        NDArray logpTrue = logp.mul(oneHot).sum(new int[] {1});
        return switch (kind) {
            case CROSS_ENTROPY -> weightedMean(logpTrue.neg(), weight);
            case FOCAL -> weightedMean(logpTrue.exp().neg().add(1f).pow(focalGamma).mul(logpTrue).neg(), weight);
            case NNPU -> nnpu(logp, logpTrue, oneHot, weight, unlabeled, poorIndex, puPrior);
        };
    }

    /**
     * Labelled examples: weighted cross entropy. Unlabeled (legacy negatives): the risk of calling them
     * POOR, minus the prior times the same risk on labelled acceptable spreads (their share hidden among
     * the unlabeled), floored at 0 so the estimate cannot go negative and overfit (Kiryo et al. 2017).
     */
    private static NDArray nnpu(NDArray logp, NDArray logpTrue, NDArray oneHot, NDArray weight, NDArray unlabeled,
            int poorIndex, float prior) {
        NDArray labelled = unlabeled.neg().add(1f);
        NDArray supervised = weightedMean(logpTrue.neg(), weight.mul(labelled));
        NDArray poorRisk = logp.get(":, " + poorIndex).neg();
        NDArray positive = labelled.mul(oneHot.get(":, " + poorIndex).neg().add(1f));
        NDArray riskU = poorRisk.mul(unlabeled).sum().div(unlabeled.sum().maximum(1f));
        NDArray riskP = poorRisk.mul(positive).sum().div(positive.sum().maximum(1f));
        NDArray negative = riskU.sub(riskP.mul(prior)).maximum(0f);
        NDArray unlabeledWeight = weight.mul(unlabeled).sum().div(unlabeled.sum().maximum(1f));
        NDArray share = unlabeled.sum().div((float) unlabeled.getShape().get(0));
        return supervised.mul(share.neg().add(1f)).add(negative.mul(unlabeledWeight).mul(share));
    }

    private static NDArray weightedMean(NDArray perExample, NDArray weight) {
        return perExample.mul(weight).sum().div(weight.sum().maximum(1e-6f));
    }
}
