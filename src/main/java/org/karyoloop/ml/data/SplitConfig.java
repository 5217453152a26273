package org.karyoloop.ml.data;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which doctor-labelled slides train, which validate (threshold calibration, checkpoint choice) and which form
 * the frozen evaluation set. Shared by the training role, which splits by it, and the annotation role, which
 * has the held-out slides' images read twice (docs/architecture.md, "Training").
 */
@ConfigMapping(prefix = "karyoloop.split")
public interface SplitConfig {

    /** Share of doctor-labelled slides used for validation. */
    @WithDefault("0.2")
    double validationShare();

    /** Share of doctor-labelled slides in the frozen evaluation set, never trained on. */
    @WithDefault("0.2")
    double evaluationShare();

    /** Salt of the slide split; changing it unfreezes the evaluation set, so don't. */
    @WithDefault("karyoloop-frozen-eval-v1")
    String salt();

    /** The split these settings describe. */
    default SlideSplit slideSplit() {
        return new SlideSplit(salt(), validationShare(), evaluationShare());
    }
}
