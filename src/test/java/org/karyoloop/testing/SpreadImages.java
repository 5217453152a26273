package org.karyoloop.testing;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.Grade;
import org.karyoloop.synth.ImageCodec;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;

/**
 * Test images whose verdict is unambiguous: a rich synthetic GOOD bright-field spread (always a spread), the same
 * spread stained as fluorescence (bright on near-black), and a blank frame (never a spread). Every call gives
 * different bytes (one corner pixel is random), so images never collide as duplicates.
 */
public final class SpreadImages {

    private static final Map<Integer, SpreadGenerator> GENERATORS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Random RANDOM = new Random();

    private SpreadImages() {
    }

    /** A GOOD synthetic spread of {@code size} x {@code size} pixels, dark on light; a different one each call. */
    public static SyntheticImage goodSpread(int size) {
        SpreadGenerator generator = GENERATORS.computeIfAbsent(size, s -> new SpreadGenerator(GeneratorConfig
                .defaults().withSize(s, s).withDomain(Domain.newMicroscopes()).withShares(0.9, 0.04).withSeed(17)));
        for (;;) {
            SyntheticImage img = generator.generate(NEXT.getAndIncrement() % 64);
            if (img.truth().grade() == Grade.GOOD) {
                return img;
            }
        }
    }

    /** A GOOD bright-field spread as PNG bytes. */
    public static byte[] brightfieldPng(int size) {
        SyntheticImage img = goodSpread(size);
        return png(unique(img.pixels().clone()), img.width(), img.height());
    }

    /** A GOOD spread as a fluorescence microscope stores it: bright chromosomes on a near-black background. */
    public static byte[] fluorescencePng(int size) {
        SyntheticImage img = goodSpread(size);
        byte[] px = img.pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (255 - (px[i] & 0xFF));
        }
        return png(unique(px), img.width(), img.height());
    }

    /** A blank frame at one gray {@code level} with a little sensor noise: nothing stands out of it. */
    public static byte[] blankPng(int width, int height, int level) {
        Random r = new Random(RANDOM.nextLong());
        byte[] px = new byte[width * height];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Math.max(0, Math.min(255, level + r.nextInt(3) - 1));
        }
        return png(unique(px), width, height);
    }

    /** {@code pixels} as a decoded 8-bit gray image. */
    public static DecodedImage decoded(byte[] pixels, int width, int height) {
        return new DecodedImage(ImageFormat.PNG, width, height, 8, 1, pixels);
    }

    private static byte[] unique(byte[] px) {
        for (int i = 0; i < 8; i++) {
            px[i] = (byte) ((px[i] & 0xF8) | RANDOM.nextInt(8));
        }
        return px;
    }

    private static byte[] png(byte[] px, int width, int height) {
        return ImageCodec.png(ImageCodec.toImage(px, width, height));
    }
}
