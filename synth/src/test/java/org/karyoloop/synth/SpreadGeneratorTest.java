package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SpreadGeneratorTest {

    private static final GeneratorConfig SMALL = GeneratorConfig.defaults().withSize(256, 256).withSeed(42);

    @Test
    void sameSeedGivesByteIdenticalImages() {
        SpreadGenerator first = new SpreadGenerator(SMALL);
        SpreadGenerator second = new SpreadGenerator(SMALL);
        for (long i = 0; i < 4; i++) {
            SyntheticImage a = first.generate(i);
            SyntheticImage b = second.generate(i);
            assertArrayEquals(a.pixels(), b.pixels(), "image " + i);
            assertEquals(a.truth(), b.truth());
            assertArrayEquals(ImageCodec.encode(a, ImageCodec.Format.PNG), ImageCodec.encode(b, ImageCodec.Format.PNG));
        }
    }

    @Test
    void anImageDoesNotDependOnWhatWasGeneratedBeforeIt() {
        SpreadGenerator inOrder = new SpreadGenerator(SMALL);
        for (long i = 0; i < 5; i++) {
            inOrder.generate(i);
        }
        byte[] afterOthers = inOrder.generate(5).pixels();
        assertArrayEquals(new SpreadGenerator(SMALL).generate(5).pixels(), afterOthers);
    }

    @Test
    void differentSeedsAndDomainsGiveDifferentSpreads() {
        SyntheticImage base = new SpreadGenerator(SMALL).generate(0);
        SyntheticImage otherSeed = new SpreadGenerator(SMALL.withSeed(43)).generate(0);
        SyntheticImage otherDomain = new SpreadGenerator(SMALL.withDomain(Domain.legacy())).generate(0);
        assertFalse(Arrays.equals(base.pixels(), otherSeed.pixels()));
        assertNotEquals(base.spread(), otherDomain.spread(), "legacy and new must not share spreads");
    }

    @Test
    void imageIsEightBitGrayOfTheRequestedSizeAndSurvivesPng() throws Exception {
        GeneratorConfig config = SMALL.withSize(320, 200);
        SyntheticImage image = new SpreadGenerator(config).generate(1);
        assertEquals(320 * 200, image.pixels().length);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ImageCodec.encode(image, ImageCodec.Format.PNG)));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, decoded.getType());
        assertEquals(320, decoded.getWidth());
        assertEquals(200, decoded.getHeight());
        assertEquals(image.gray(17, 33), decoded.getRaster().getSample(17, 33, 0));
    }

    @Test
    void chromosomesAreDarkRodsOnALightBackground() {
        SpreadGenerator generator = new SpreadGenerator(SMALL);
        for (long i = 0; i < 10; i++) {
            SyntheticImage image = generator.generate(i);
            double background = GlobalFeatures.backgroundLevel(image);
            SyntheticImage.Box box = image.spread();
            int darkInSpread = 0;
            for (int y = box.y0(); y <= box.y1(); y++) {
                for (int x = box.x0(); x <= box.x1(); x++) {
                    if (image.gray(x, y) < 0.75 * background) {
                        darkInSpread++;
                    }
                }
            }
            assertTrue(background > 150, "a light bright-field background, got " + background);
            int boxArea = (box.x1() - box.x0() + 1) * (box.y1() - box.y0() + 1);
            assertTrue(darkInSpread > 0.02 * boxArea, "dark chromosomes in the spread of image " + i);
            assertTrue(image.truth().chromosomes() >= 38 && image.truth().chromosomes() <= 50);
        }
    }

    @Test
    void completeSpreadsHaveFortySixChromosomesOfVaryingLength() {
        SpreadGenerator generator = new SpreadGenerator(SMALL.withShares(0.5, 0.0));
        SyntheticImage image = generator.generate(0);
        for (long i = 1; image.truth().grade() != Grade.GOOD && i < 50; i++) {
            image = generator.generate(i);
        }
        assertEquals(Grade.GOOD, image.truth().grade());
        assertEquals(46, image.truth().chromosomes());
        assertEquals(1.0, image.truth().completeness());
        assertEquals(0, image.truth().touchingPairs() + image.truth().overlappingPairs());
    }

    @Test
    void jpegDomainsCarryCompressionArtefactsButKeepTheTruth() {
        GeneratorConfig jpeg = SMALL.withDomain(Domain.newMicroscopes().withOptics("new", 1.0, 1.0, 60));
        SyntheticImage plain = new SpreadGenerator(SMALL).generate(2);
        SyntheticImage compressed = new SpreadGenerator(jpeg).generate(2);
        assertEquals(plain.truth(), compressed.truth());
        assertFalse(Arrays.equals(plain.pixels(), compressed.pixels()));
    }
}
