package org.karyoloop.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws labelled sheets of generated examples so a person can judge realism at a glance: one row
 * per domain and grade of downscaled whole fields, and a sheet of full-resolution crops.
 */
public final class ContactSheet {

    private static final int LABEL_WIDTH = 120;
    private static final int CAPTION = 16;
    private static final int GAP = 4;
    private static final String[] DOMAINS = {"legacy", "new", "fluorescence", "fluorescence-inverted"};

    private final int size;
    private final int tile;
    private final int perRow;
    private final long seed;

    /** Sheets of {@code perRow} examples per row, {@code size}-pixel images shown as {@code tile}-pixel tiles. */
    public ContactSheet(int size, int tile, int perRow, long seed) {
        if (size % tile != 0) {
            throw new IllegalArgumentException("the tile size must divide the image size");
        }
        this.size = size;
        this.tile = tile;
        this.perRow = perRow;
        this.seed = seed;
    }

    /** The first {@code perRow} images of each grade in a stream of a domain (GOOD and FAIR boosted to find them fast). */
    public List<SyntheticImage> examples(String domain, Grade grade) {
        GeneratorConfig config = GeneratorConfig.defaults().withSize(size, size).withDomain(Domain.named(domain))
                .withShares(0.3, 0.3).withImagesPerSlide(5).withSeed(seed);
        SpreadGenerator generator = new SpreadGenerator(config);
        List<SyntheticImage> found = new ArrayList<>();
        for (long i = 0; found.size() < perRow && i < 4000; i++) {
            SyntheticImage image = generator.generate(i);
            if (image.truth().grade() == grade) {
                found.add(image);
            }
        }
        return found;
    }

    /** Whole fields, downscaled: a row per domain and grade. */
    public BufferedImage overview() {
        int rows = DOMAINS.length * Grade.values().length;
        int width = LABEL_WIDTH + perRow * (tile + GAP);
        int height = rows * (tile + CAPTION + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = start(sheet);
        int row = 0;
        for (String domain : DOMAINS) {
            for (Grade grade : Grade.values()) {
                int y = row * (tile + CAPTION + GAP);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                g.drawString(domain, 8, y + tile / 2);
                g.drawString(grade.name(), 8, y + tile / 2 + 20);
                List<SyntheticImage> images = examples(domain, grade);
                for (int k = 0; k < images.size(); k++) {
                    int x = LABEL_WIDTH + k * (tile + GAP);
                    g.drawImage(downscale(images.get(k)), x, y, null);
                    caption(g, images.get(k).truth(), x, y + tile + CAPTION - 4);
                }
                row++;
            }
        }
        g.dispose();
        return sheet;
    }

    /** Full-resolution crops of the spread of the first example of each domain and grade. */
    public BufferedImage detail(int crop) {
        int columns = Grade.values().length;
        int width = LABEL_WIDTH + columns * (crop + GAP);
        int height = DOMAINS.length * (crop + CAPTION + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = start(sheet);
        for (int row = 0; row < DOMAINS.length; row++) {
            int y = row * (crop + CAPTION + GAP);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(DOMAINS[row], 8, y + crop / 2);
            for (Grade grade : Grade.values()) {
                List<SyntheticImage> images = examples(DOMAINS[row], grade);
                if (images.isEmpty()) {
                    continue;
                }
                // For POOR, show the lab's commonest trouble: chromosomes that touch and cross.
                SyntheticImage image = images.stream()
                        .filter(i -> grade != Grade.POOR || "separation".equals(i.truth().mainDefect()))
                        .findFirst().orElse(images.get(0));
                int x0 = Math.max(0, Math.min(size - crop, image.spread().centreX() - crop / 2));
                int y0 = Math.max(0, Math.min(size - crop, image.spread().centreY() - crop / 2));
                BufferedImage full = ImageCodec.toImage(image.pixels(), size, size);
                int x = LABEL_WIDTH + grade.ordinal() * (crop + GAP);
                g.drawImage(full.getSubimage(x0, y0, crop, crop), x, y, null);
                caption(g, image.truth(), x, y + crop + CAPTION - 4);
            }
        }
        g.dispose();
        return sheet;
    }

    private static Graphics2D start(BufferedImage sheet) {
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        return g;
    }

    private static void caption(Graphics2D g, SpreadTruth truth, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format("%s %d  %s  t%d o%d b%.1f", truth.grade(), truth.score(), truth.mainDefect(),
                truth.touchingPairs(), truth.overlappingPairs(), truth.blur()), x, y);
    }

    /** Box-averaged downscale by an integer factor. */
    private BufferedImage downscale(SyntheticImage image) {
        int factor = size / tile;
        byte[] small = new byte[tile * tile];
        int area = factor * factor;
        for (int ty = 0; ty < tile; ty++) {
            for (int tx = 0; tx < tile; tx++) {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int row = (ty * factor + dy) * size + tx * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += image.pixels()[row + dx] & 0xFF;
                    }
                }
                small[ty * tile + tx] = (byte) ((sum + area / 2) / area);
            }
        }
        return ImageCodec.toImage(small, tile, tile);
    }
}
