package org.karyoloop.synth;

/**
 * What a {@link SpreadGenerator} produces: image size, domain, grade mix and slide structure.
 *
 * @param width image width in pixels (default 1024)
 * @param height image height in pixels (default 1024)
 * @param domain acquisition conditions (default {@link Domain#newMicroscopes()})
 * @param goodShare expected share of GOOD spreads in a stream (default 0.06)
 * @param fairShare expected share of FAIR spreads in a stream (default 0.16); the rest is POOR
 * @param imagesPerSlide images per slide; consecutive indices share a slide (default 40)
 * @param slideQualitySpread log-normal spread of a slide's culture quality, which scales its odds
 *     of GOOD and FAIR spreads; 0 makes slides alike (default 0.6)
 * @param seed the seed; the same seed and config give byte-identical images (default 1)
 */
public record GeneratorConfig(
        int width,
        int height,
        Domain domain,
        double goodShare,
        double fairShare,
        int imagesPerSlide,
        double slideQualitySpread,
        long seed) {

    /** Width and height of the default image, about one megapixel. */
    public static final int DEFAULT_SIZE = 1024;

    public GeneratorConfig {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("images must be at least 64x64");
        }
        if (goodShare < 0 || fairShare < 0 || goodShare + fairShare > 0.95) {
            throw new IllegalArgumentException("goodShare and fairShare must be >= 0 and sum to <= 0.95");
        }
        if (imagesPerSlide < 1) {
            throw new IllegalArgumentException("imagesPerSlide must be >= 1");
        }
        if (slideQualitySpread < 0) {
            throw new IllegalArgumentException("slideQualitySpread must be >= 0");
        }
    }

    /** The documented defaults. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig(DEFAULT_SIZE, DEFAULT_SIZE, Domain.newMicroscopes(), 0.06, 0.16, 40, 0.6, 1);
    }

    public GeneratorConfig withSize(int newWidth, int newHeight) {
        return new GeneratorConfig(newWidth, newHeight, domain, goodShare, fairShare, imagesPerSlide,
                slideQualitySpread, seed);
    }

    public GeneratorConfig withDomain(Domain newDomain) {
        return new GeneratorConfig(width, height, newDomain, goodShare, fairShare, imagesPerSlide,
                slideQualitySpread, seed);
    }

    public GeneratorConfig withShares(double newGoodShare, double newFairShare) {
        return new GeneratorConfig(width, height, domain, newGoodShare, newFairShare, imagesPerSlide,
                slideQualitySpread, seed);
    }

    public GeneratorConfig withImagesPerSlide(int newImagesPerSlide) {
        return new GeneratorConfig(width, height, domain, goodShare, fairShare, newImagesPerSlide,
                slideQualitySpread, seed);
    }

    public GeneratorConfig withSlideQualitySpread(double newSpread) {
        return new GeneratorConfig(width, height, domain, goodShare, fairShare, imagesPerSlide, newSpread, seed);
    }

    public GeneratorConfig withSeed(long newSeed) {
        return new GeneratorConfig(width, height, domain, goodShare, fairShare, imagesPerSlide,
                slideQualitySpread, newSeed);
    }

    /** Pixels per reference pixel: object sizes are defined for a 1024-pixel frame at scale 1. */
    public double pixelScale() {
        return Math.min(width, height) / (double) DEFAULT_SIZE * domain.scale();
    }

    /**
     * The seed every random stream of this configuration derives from: the seed mixed with the
     * domain's name, so two domains with the same seed never share spreads (no leakage between them).
     */
    public long streamSeed() {
        return Seeds.mix(seed, domain.name().hashCode(), Seeds.DOMAIN);
    }

    /** The slide that image {@code index} belongs to. */
    public long slideOf(long index) {
        return Math.floorDiv(index, imagesPerSlide);
    }
}
