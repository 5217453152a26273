package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TruthMeasurerTest {

    private final AbsorbanceCanvas canvas = new AbsorbanceCanvas(200, 200);

    private Chromosome rod(double x, double y, double angle) {
        Chromosome shape = Chromosome.shape(0, 60, 8, new SplittableRandom(1));
        return shape.placed(x, y, angle);
    }

    @Test
    void crossingChromosomesOverlap() {
        ChromosomeMask a = canvas.draw(rod(100, 100, 0), 1);
        ChromosomeMask b = canvas.draw(rod(100, 100, Math.PI / 2), 1);
        assertTrue(TruthMeasurer.contact(a, b) >= 0.5 * 8 * 8);
    }

    @Test
    void chromosomesFarApartDoNotTouch() {
        ChromosomeMask a = canvas.draw(rod(100, 50, 0), 1);
        ChromosomeMask b = canvas.draw(rod(100, 150, 0), 1);
        assertEquals(-1, TruthMeasurer.contact(a, b));
    }

    @Test
    void chromosomesPlacedAtZeroClearanceTouchWithoutOverlapping() {
        Chromosome a = rod(100, 80, 0);
        Chromosome b = null;
        // Slide a parallel copy towards the first until their outlines just meet.
        for (double y = 120; y > 80; y -= 0.05) {
            Chromosome candidate = rod(100, y, 0);
            if (Chromosome.clearance(a, candidate, 1e9) < -0.3) {
                b = candidate;
                break;
            }
        }
        int contact = TruthMeasurer.contact(canvas.draw(a, 1), canvas.draw(b, 1));
        assertTrue(contact >= 0 && contact < 0.5 * 8 * 8, "contact " + contact);
    }

    @Test
    void clearanceMatchesTheGapBetweenOutlines() {
        Chromosome a = Chromosome.shape(5, 40, 10, new SplittableRandom(2)).placed(50, 50, 0);
        Chromosome far = Chromosome.shape(5, 40, 10, new SplittableRandom(2)).placed(50, 150, 0);
        double gap = Chromosome.clearance(a, far, 1e9);
        assertTrue(gap > 70 && gap < 100, "gap " + gap);
    }
}
