package org.karyoloop.synth;

/** Reads the generator's command-line options (shared by generate, microscope and bench) into a {@link GeneratorConfig}. */
final class GeneratorOptions {

    static final String USAGE = "[--domain new|legacy|fluorescence|fluorescence-inverted|SPEC] [--seed S]"
            + " [--size PX] [--images-per-slide K]"
            + " [--good-share X] [--fair-share Y]";

    private GeneratorOptions() {
    }

    static GeneratorConfig config(CliArgs args) {
        GeneratorConfig defaults = GeneratorConfig.defaults();
        int size = args.intValue("size", GeneratorConfig.DEFAULT_SIZE);
        return defaults
                .withSize(size, size)
                .withDomain(Domain.parse(args.string("domain", defaults.domain().name())))
                .withSeed(args.longValue("seed", defaults.seed()))
                .withImagesPerSlide(args.intValue("images-per-slide", defaults.imagesPerSlide()))
                .withShares(args.doubleValue("good-share", defaults.goodShare()),
                        args.doubleValue("fair-share", defaults.fairShare()));
    }
}
