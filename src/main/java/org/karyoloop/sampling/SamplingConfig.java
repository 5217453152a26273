package org.karyoloop.sampling;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which images the sampling role sends to doctors, and how many. */
@ConfigMapping(prefix = "karyoloop.sampling")
public interface SamplingConfig {

    /** Weight of the distance to the calibrated GOOD threshold (the decision that matters). */
    @WithDefault("0.6")
    double thresholdWeight();

    /** Weight of the margin between the two most likely grades. */
    @WithDefault("0.2")
    double marginWeight();

    /** Weight of the normalised entropy of the grade probabilities. */
    @WithDefault("0.2")
    double entropyWeight();

    /** P(GOOD) this far from the threshold (or farther) counts as certain for the threshold strategy. */
    @WithDefault("0.25")
    double thresholdWidth();

    /** Combined uncertainty (0..1) an image needs to be asked about for uncertainty. */
    @WithDefault("0.5")
    double minUncertainty();

    /**
     * Share (0..1) of requests that are uniformly random images (exploration; unbiased live metrics); where the other
     * strategies leave the budget idle, also this share of the spreads they leave.
     */
    @WithDefault("0.1")
    double explorationShare();

    /** Most requests for one slide in one consumed batch (diversity: no ten spreads from one slide). */
    @WithDefault("2")
    int maxPerSlidePerBatch();

    /** Most requests in any rolling hour. */
    @WithDefault("60")
    int hourlyBudget();

    /** Most requests per calendar day (database time zone). */
    @WithDefault("400")
    int dailyBudget();

    /** Share (0..1) of canary-scored images sent for labels, so rollout gets live evidence. */
    @WithDefault("0.2")
    double canaryAuditShare();

    /** P(GOOD) at or above which a legacy POOR label is sent for a second opinion. */
    @WithDefault("0.8")
    double reviewMinGoodProbability();
}
