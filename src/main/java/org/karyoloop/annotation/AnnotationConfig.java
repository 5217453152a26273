package org.karyoloop.annotation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the annotation role hands out work to doctors. */
@ConfigMapping(prefix = "karyoloop.annotation")
public interface AnnotationConfig {

    /** How long a claimed item stays with its doctor; after that it returns to the queue. */
    @WithDefault("5m")
    Duration leaseDuration();

    /** Share (0..1) of tasks read blind by two doctors, chosen by a hash of the image id. */
    @WithDefault("0.1")
    double secondReadShare();

    /**
     * Whether every image of a slide the training split holds out (validation and frozen evaluation,
     * {@code karyoloop.split.*}) is read blind by two doctors, with an adjudication when they disagree: the GOOD
     * threshold is calibrated and candidates are judged on those labels, and one doctor's read agrees with
     * another's only about nine times in ten, so single reads there would understate a model's precision and
     * hold back every candidate. Needs at least two doctors.
     */
    @WithDefault("true")
    boolean secondReadHeldOut();

    /** Whether doctors see the model's guess; hidden by default so that it does not anchor them. */
    @WithDefault("false")
    boolean showModelGuess();

    /** Most items one doctor may hold at once (the page holds the current one and a prefetched next). */
    @WithDefault("2")
    int maxLeasesPerDoctor();

    /** Longest side, in pixels, of the PNG rendering of formats browsers cannot show (TIFF, BMP). */
    @WithDefault("2048")
    int previewMaxSide();
}
