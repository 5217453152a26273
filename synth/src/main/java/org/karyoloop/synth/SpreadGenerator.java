package org.karyoloop.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates synthetic metaphase images with their truth, bright-field G-banded or fluorescent
 * (DAPI-like) as the domain says; image {@code i} of a
 * configuration depends only on (config, i), never on what was generated before it.
 * Not thread-safe (it reuses its buffers): use one generator per thread.
 */
public final class SpreadGenerator {

    private final GeneratorConfig config;
    private final SpreadPlanner planner;
    private final SpreadLayout layout;
    private final CellLayout cellLayout;
    private final AbsorbanceCanvas canvas;
    private final Camera camera = new Camera();
    private final FluorescenceCamera fluorescenceCamera = new FluorescenceCamera();
    private final TruthMeasurer measurer = new TruthMeasurer();
    private SlideFactors lastSlide;

    public SpreadGenerator(GeneratorConfig config) {
        this.config = config;
        planner = new SpreadPlanner(config);
        layout = new SpreadLayout(config.width(), config.height(), config.pixelScale(), config.domain().widthScale());
        cellLayout = new CellLayout(config.width(), config.height(), config.pixelScale());
        canvas = new AbsorbanceCanvas(config.width(), config.height());
    }

    public GeneratorConfig config() {
        return config;
    }

    /** The factors of the slide image {@code index} belongs to. */
    public SlideFactors slideOf(long index) {
        long slide = config.slideOf(index);
        if (lastSlide == null || lastSlide.index() != slide) {
            lastSlide = SlideFactors.of(config, slide);
        }
        return lastSlide;
    }

    private static SyntheticImage.Box box(List<ChromosomeMask> masks) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = 0;
        int y1 = 0;
        for (ChromosomeMask m : masks) {
            x0 = Math.min(x0, m.x0());
            y0 = Math.min(y0, m.y0());
            x1 = Math.max(x1, m.x0() + m.width() - 1);
            y1 = Math.max(y1, m.y0() + m.height() - 1);
        }
        return new SyntheticImage.Box(x0, y0, x1, y1);
    }

    /**
     * How brightly a non-chromosome object fluoresces against its bright-field absorbance: a nucleus
     * holds DNA (the domain's nucleus brightness), a red blood cell none (a faint autofluorescence),
     * debris some.
     */
    private static double fluorescentWeight(Cell cell, Domain domain) {
        return switch (cell.kind()) {
            case NUCLEUS -> domain.nucleusBrightness();
            case BLOOD_CELL, GHOST_CELL -> 0.04;
            case DEBRIS -> 0.3;
        };
    }

    /** Image {@code index} of the stream. */
    public SyntheticImage generate(long index) {
        return draw(index, null);
    }

    /**
     * Image {@code index} of the stream (the same as {@link #generate}) with its chromosome masks as a label raster.
     */
    public LabelledSpread generateLabelled(long index) {
        List<ChromosomeMask> masks = new ArrayList<>();
        SyntheticImage image = draw(index, masks);
        return new LabelledSpread(image, LabelledSpread.raster(masks, image.width(), image.height()));
    }

    /** Draws image {@code index}; adds its chromosomes' masks to {@code masksOut} when given. */
    private SyntheticImage draw(long index, List<ChromosomeMask> masksOut) {
        SlideFactors slide = slideOf(index);
        SplittableRandom random = Seeds.random(config.streamSeed(), index, Seeds.SPREAD);
        SpreadPlan plan = planner.plan(slide, random);
        List<Chromosome> chromosomes = layout.place(plan, slide.male(), random);
        List<Cell> cells = cellLayout.place(plan, chromosomes, random);
        Domain domain = config.domain();
        canvas.clear();
        for (Cell cell : cells) {
            canvas.draw(cell, domain.fluorescent() ? fluorescentWeight(cell, domain) : 1);
        }
        List<ChromosomeMask> masks = new ArrayList<>(chromosomes.size());
        for (Chromosome chromosome : chromosomes) {
            // Chromosomes of one spread take up the stain a little unevenly.
            masks.add(canvas.draw(chromosome, plan.stain() * (0.92 + 0.16 * random.nextDouble()),
                    domain.bandContrast()));
        }
        SpreadTruth truth = measurer.measure(plan, chromosomes, masks, cells, canvas, plan.blur());
        if (masksOut != null) {
            masksOut.addAll(masks);
        }
        SplittableRandom noise = Seeds.random(config.streamSeed(), index, Seeds.NOISE);
        byte[] pixels = domain.fluorescent()
                ? fluorescenceCamera.record(canvas, plan, domain, plan.blur() * config.pixelScale(),
                        config.pixelScale(), noise)
                : camera.record(canvas, plan, plan.blur() * config.pixelScale(), noise);
        int quality = domain.jpegQuality();
        if (quality > 0) {
            pixels = ImageCodec.jpegRoundTrip(pixels, config.width(), config.height(), quality);
        }
        return new SyntheticImage(index, slide, config.domain().name(), config.width(), config.height(), pixels,
                truth, box(masks));
    }
}
