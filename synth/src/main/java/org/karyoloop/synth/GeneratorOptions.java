package org.karyoloop.synth;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The generator's options that generate, microscope and bench share (a picocli mixin): domain, seed, size, slides,
 * grade mix and file format, each defaulting to {@link GeneratorConfig#defaults()}. Read by the one command-line
 * thread.
 */
final class GeneratorOptions {

    private static final GeneratorConfig DEFAULTS = GeneratorConfig.defaults();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--domain", paramLabel = "SPEC", defaultValue = "new", converter = DomainConverter.class,
            description = "legacy, new, fluorescence, fluorescence-inverted, or a spec name[:knob=value,...] "
                    + "(docs/synthetic.md)")
    Domain domain;

    @Option(names = "--seed", paramLabel = "S",
            description = "the seed: the same seed and options give the same images")
    long seed = DEFAULTS.seed();

    @Option(names = "--size", paramLabel = "PX", description = "width and height of each image in pixels (>= 64)")
    int size = DEFAULTS.width();

    @Option(names = "--images-per-slide", paramLabel = "K", description = "images per slide (consecutive indices)")
    int imagesPerSlide = DEFAULTS.imagesPerSlide();

    @Option(names = "--good-share", paramLabel = "X", description = "expected share of GOOD spreads")
    double goodShare = DEFAULTS.goodShare();

    @Option(names = "--fair-share", paramLabel = "Y", description = "expected share of FAIR spreads; the rest is POOR")
    double fairShare = DEFAULTS.fairShare();

    @Option(names = "--format", paramLabel = "png|jpeg", defaultValue = "png", converter = FormatConverter.class,
            description = "the images' file format")
    ImageCodec.Format format;

    /** The configuration these options give; a value the generator refuses is a usage error. */
    GeneratorConfig config() {
        return SynthCli.checked(spec, () -> DEFAULTS.withSize(size, size).withDomain(domain).withSeed(seed)
                .withImagesPerSlide(imagesPerSlide).withShares(goodShare, fairShare));
    }

    /** {@code --domain}: a domain spec. */
    static final class DomainConverter implements ITypeConverter<Domain> {
        @Override
        public Domain convert(String value) {
            return converted(Domain::parse, value);
        }
    }

    /** {@code --format}: png or jpeg. */
    static final class FormatConverter implements ITypeConverter<ImageCodec.Format> {
        @Override
        public ImageCodec.Format convert(String value) {
            return converted(ImageCodec.Format::named, value);
        }
    }

    /** What {@code parser} makes of {@code value}; its refusal becomes picocli's "Invalid value" usage error. */
    static <T> T converted(Function<String, T> parser, String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
