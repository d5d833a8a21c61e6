package io.flowseg.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {
    /** Raters who see every lesion, and who see only lesions every rater sees. */
    private static final double KEEN = 0.99;
    private static final double DULL = 0.1;
    private final SyntheticGenerator generator = new SyntheticGenerator(64, SyntheticPreset.CLASSIC);

    @Test
    void isDeterministicBySeedAndCaseIndex() {
        List<MultiRaterCase> a = generator.cases(3, 4, 11);
        List<MultiRaterCase> b = generator.cases(5, 4, 11);
        for (int i = 0; i < 3; i++) {
            assertEquals(a.get(i).id(), b.get(i).id());
            assertArrayEquals(a.get(i).image().pixels(), b.get(i).image().pixels());
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(a.get(i).raterMasks().get(k), b.get(i).raterMasks().get(k));
            }
        }
        MultiRaterCase other = generator.cases(1, 4, 12).get(0);
        assertFalse(java.util.Arrays.equals(a.get(0).image().pixels(), other.image().pixels()));
    }

    @Test
    void imagesAreEightBitAndNotConstant() {
        for (MultiRaterCase c : generator.cases(5, 2, 3)) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (float v : c.image().pixels()) {
                assertEquals(Math.round(v), v, 0f);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertTrue(min >= 0 && max <= 255 && max > min, c.id());
        }
    }

    @Test
    void theSceneBehindACaseReproducesItsImageAndDrawsVaryingMasks() {
        long seed = 5;
        MultiRaterCase written = generator.cases(2, 3, seed).get(1);
        SyntheticScene scene = generator.scene(seed, 1);
        assertArrayEquals(written.image().pixels(), scene.image().pixels());
        // The oracle: unlimited draws from the rater process, which disagree with each other.
        Random random = new Random(99);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int draw = 0; draw < 50; draw++) {
            boolean[] mask = scene.drawRaterMask(random);
            assertEquals(64 * 64, mask.length);
            distinct.add(java.util.Arrays.toString(mask));
        }
        assertTrue(distinct.size() > 5, distinct.size() + " distinct masks in 50 draws");
    }

    @Test
    void higherIsoLevelsDrawTighterOutlinesAndFaintLesionsCanBeOverlooked() {
        Lesion sharpBright = new Lesion(20, 20, 8, 0, 3, 0, 0.5, 0.6, 1);
        Lesion faint = new Lesion(44, 44, 8, 0, 3, 0, 4, 0.2, 0.7);
        SyntheticScene scene = new SyntheticScene(new io.flowseg.imaging.Image(64, 64, 1, new float[64 * 64]),
                List.of(sharpBright, faint), ClassicScenes.RATERS);
        int generous = count(scene.raterMask(new RaterHabit(0.2, KEEN)));
        int tight = count(scene.raterMask(new RaterHabit(0.8, KEEN)));
        int overlooking = count(scene.raterMask(new RaterHabit(0.2, DULL)));
        assertTrue(generous > tight, generous + " vs " + tight);
        assertTrue(overlooking < generous);
        // The faint lesion's soft border moves much more with the iso-level than the sharp one's.
        SyntheticScene sharpOnly = new SyntheticScene(scene.image(), List.of(sharpBright), ClassicScenes.RATERS);
        SyntheticScene faintOnly = new SyntheticScene(scene.image(), List.of(faint), ClassicScenes.RATERS);
        int sharpSpread = count(sharpOnly.raterMask(new RaterHabit(0.2, KEEN)))
                - count(sharpOnly.raterMask(new RaterHabit(0.8, KEEN)));
        int faintSpread = count(faintOnly.raterMask(new RaterHabit(0.2, KEEN)))
                - count(faintOnly.raterMask(new RaterHabit(0.8, KEEN)));
        assertTrue(faintSpread > 3 * sharpSpread, faintSpread + " vs " + sharpSpread);
        assertEquals(0, count(faintOnly.raterMask(new RaterHabit(0.5, DULL))));
    }

    @Test
    void ratersDisagreeSomewhereAcrossCases() {
        int disagreeingCases = 0;
        for (MultiRaterCase c : generator.cases(10, 4, 1)) {
            boolean[] first = c.raterMasks().get(0);
            for (boolean[] other : c.raterMasks()) {
                if (!java.util.Arrays.equals(first, other)) {
                    disagreeingCases++;
                    break;
                }
            }
        }
        assertTrue(disagreeingCases >= 8, disagreeingCases + " of 10");
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
