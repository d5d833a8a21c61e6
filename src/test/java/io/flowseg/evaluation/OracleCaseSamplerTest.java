package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.dataset.SyntheticManifest;
import io.flowseg.dataset.SyntheticScene;
import io.flowseg.imaging.Image;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.Seeds;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OracleCaseSamplerTest {
    private final List<MultiRaterCase> cases = EvaluationFixtures.cases();
    private final SyntheticManifest manifest = SyntheticManifest.of(SyntheticPreset.CLASSIC, EvaluationFixtures.SIZE, EvaluationFixtures.CASES,
            EvaluationFixtures.RATERS, EvaluationFixtures.SEED);

    @Test
    void samplesAreMasksOfFreshRatersFromTheKnownProcess() {
        List<CaseSamples> samples = new OracleCaseSampler(manifest, 5, 42L).sample(cases, SamplingProgress.NONE);
        SyntheticGenerator generator = new SyntheticGenerator(EvaluationFixtures.SIZE, SyntheticPreset.CLASSIC);
        for (int i = 0; i < cases.size(); i++) {
            SyntheticScene scene = generator.scene(EvaluationFixtures.SEED, i);
            Random random = new Random(42L);
            assertEquals(5, samples.get(i).softSamples().length);
            for (int m = 0; m < 5; m++) {
                assertArrayEquals(soft(scene.drawRaterMask(random)), samples.get(i).softSamples()[m],
                        "case " + i + " sample " + m);
            }
            assertEquals(0, samples.get(i).networkEvaluations());
        }
    }

    @Test
    void withoutASeedEachCaseDrawsFromItsOwnId() {
        List<CaseSamples> samples = new OracleCaseSampler(manifest, 3, null).sample(cases, SamplingProgress.NONE);
        MultiRaterCase last = cases.get(2);
        Random random = new Random(Seeds.forStudy(last.id()));
        SyntheticScene scene = manifest.scene(last.id());
        for (int m = 0; m < 3; m++) {
            assertArrayEquals(soft(scene.drawRaterMask(random)), samples.get(2).softSamples()[m]);
        }
        assertTrue(new OracleCaseSampler(manifest, 3, null).describe().contains("seed from case id"));
    }

    @Test
    void aCaseOfAnotherSizeThanItsSceneIsAnError() {
        MultiRaterCase resized = new MultiRaterCase(cases.get(0).id(), new Image(16, 16, 1, new float[256]),
                List.of(new boolean[256]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OracleCaseSampler(manifest, 2, 1L).sample(List.of(resized), SamplingProgress.NONE));
        assertEquals("case synth-00000 is 16x16, its synthetic scene 32x32", e.getMessage());
    }

    private static float[] soft(boolean[] mask) {
        float[] values = new float[mask.length];
        for (int p = 0; p < mask.length; p++) {
            values[p] = mask[p] ? 1f : 0f;
        }
        return values;
    }
}
