package org.karyoloop.bench;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;
import org.karyoloop.ml.spread.SpreadAnalysis;
import org.karyoloop.ml.spread.SpreadObjects;

/**
 * The picture of what the object counter counted, for the count benchmarks: on the left the image with every
 * counted object outlined by its chromosome count (green one, yellow two, orange three, red more, blue none), on
 * the right a panel of the caller's (the truth). Stateless.
 */
final class CountedPicture {

    private CountedPicture() {
    }

    /**
     * Draws {@code a}'s objects over the image whose gray value at pixel i is {@code gray(i)}, beside the panel
     * whose colour at pixel i is {@code right(i)} (0xRRGGBB).
     */
    static BufferedImage draw(SpreadAnalysis a, IntUnaryOperator gray, IntUnaryOperator right) {
        SpreadObjects objects = a.objects();
        int w = objects.field().width();
        int h = objects.field().height();
        int[] label = objects.label();
        int[] per = a.census().perObject();
        BufferedImage img = new BufferedImage(2 * w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int g = gray.applyAsInt(i);
                img.setRGB(x, y, g << 16 | g << 8 | g);
                int o = label[i];
                if (o >= 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1 || label[i - 1] != o
                        || label[i + 1] != o || label[i - w] != o || label[i + w] != o)) {
                    int k = per[o];
                    img.setRGB(x, y, k == 0 ? 0x4060ff : k == 1 ? 0x00ff00 : k == 2 ? 0xffff00 : k == 3 ? 0xff8000
                            : 0xff0000);
                }
                img.setRGB(w + x, y, right.applyAsInt(i));
            }
        }
        return img;
    }

    /** A distinct colour for region {@code k} (golden-ratio hues). */
    static int hue(int k) {
        return Color.HSBtoRGB((k * 0.618034f) % 1f, 0.8f, 1f) & 0xffffff;
    }

    /** Writes {@code img} as PNG, creating the folder. */
    static void write(BufferedImage img, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
    }
}
