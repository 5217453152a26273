package org.karyoloop.ml.registry;

/** How a model artifact is stored. */
public enum ArtifactFormat {
    /** DJL parameters ({@code model.save(dir, name)}, a .params file) of an architecture built in code. */
    DJL,
    /** A TorchScript module (.pt) that carries its own graph, e.g. trained elsewhere in PyTorch. */
    TORCHSCRIPT
}
