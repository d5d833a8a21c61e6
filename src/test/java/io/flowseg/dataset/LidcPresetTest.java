package io.flowseg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lidc preset draws what its settings say: lesion sizes, placement, and how many raters see a lesion
 * (its figures against the LIDC sample's are checked in evaluation.LesionStatisticsTest).
 */
class LidcPresetTest {
    private static final LidcSceneSettings SETTINGS = LidcSceneSettings.MATCHED;
    private static final int SCENES = 200;
    private final SyntheticGenerator generator = new SyntheticGenerator(128, SyntheticPreset.LIDC);

    @Test
    void lesionsSitAtTheCentreWithRadiiFromTheirIntervalAndTheSubtleShare() {
        int subtle = 0;
        int smallHalf = 0;
        for (int i = 0; i < SCENES; i++) {
            Lesion lesion = generator.scene(3, i).lesions().get(0);
            boolean isSubtle = lesion.visibility() == SETTINGS.subtleVisibility();
            Interval radius = isSubtle ? SETTINGS.subtleRadius() : SETTINGS.radius();
            assertTrue(lesion.radius() >= radius.min() && lesion.radius() <= radius.max(), "radius " + lesion.radius());
            assertTrue(Math.abs(lesion.x() - 64) <= SETTINGS.centreJitter() && Math.abs(lesion.y() - 64) <= SETTINGS.centreJitter());
            subtle += isSubtle ? 1 : 0;
            // Log-uniform: half the ordinary radii lie below the geometric mean of the interval.
            if (!isSubtle && lesion.radius() < Math.sqrt(radius.min() * radius.max())) {
                smallHalf++;
            }
        }
        assertEquals(SETTINGS.subtleShare(), subtle / (double) SCENES, 0.07, "share of subtle lesions");
        assertEquals(0.5, smallHalf / (double) (SCENES - subtle), 0.09, "ordinary radii below the geometric mean");
    }

    @Test
    void mostRatersMissSubtleLesionsAndSeeOrdinaryOnes() {
        int subtleDraws = 0, subtleSeen = 0, ordinaryDraws = 0, ordinarySeen = 0;
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            SyntheticScene scene = generator.scene(4, i);
            boolean subtle = scene.lesions().get(0).visibility() == SETTINGS.subtleVisibility();
            for (int k = 0; k < 40; k++) {
                boolean seen = any(scene.drawRaterMask(random));
                if (subtle) {
                    subtleDraws++;
                    subtleSeen += seen ? 1 : 0;
                } else {
                    ordinaryDraws++;
                    ordinarySeen += seen ? 1 : 0;
                }
            }
        }
        assertTrue(subtleDraws > 0 && ordinaryDraws > 0);
        // A rater who sees a lesion may still draw nothing when it is tinier than a pixel at their iso-level.
        assertEquals(SETTINGS.subtleVisibility(), subtleSeen / (double) subtleDraws, 0.08, "raters who mark a subtle lesion");
        assertEquals(SETTINGS.visibility(), ordinarySeen / (double) ordinaryDraws, 0.03, "raters who mark an ordinary lesion");
    }

    private static boolean any(boolean[] mask) {
        for (boolean b : mask) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}
