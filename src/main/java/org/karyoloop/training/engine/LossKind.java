package org.karyoloop.training.engine;

/** The training losses karyoloop offers. */
public enum LossKind {
    /** Weighted softmax cross entropy. */
    CROSS_ENTROPY,
    /** Focal loss (gamma 2): down-weights easy examples, so the rare GOOD class and hard cases count. */
    FOCAL,
    /**
     * Cross entropy on labelled examples plus an nnPU-style non-negative risk that treats legacy
     * negatives as unlabeled: their POOR risk minus the prior times the positives' POOR risk, floored at 0.
     */
    NNPU
}
