package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.engine.Study;
import io.flowseg.engine.StudyResult;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.uncertainty.UncertaintySettings;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow sampler on a tiny untrained network (zero velocity, so samples are decoded noise). */
class FlowCaseSamplerTest {
    private final List<MultiRaterCase> cases = EvaluationFixtures.cases();

    @Test
    void samplesEveryCaseAtItsSizeInSharedForwardPassesAndCountsTheEngineEvaluations() {
        SamplingSettings settings = new SamplingSettings(3, 0.5f, 2, OdeSolver.HEUN, null);
        try (VelocityModel model = EvaluationFixtures.tinyModel(); VelocityPredictor field = model.newPredictor()) {
            SegmentationEngine engine = new SegmentationEngine(field, 32, UncertaintySettings.defaults());
            FlowCaseSampler sampler = new FlowCaseSampler(engine, settings, "tiny");
            int[] passes = {0};
            List<CaseSamples> samples = sampler.sample(cases, (done, total) -> passes[0]++);

            // 3 cases x 3 guided samples = 18 rows fit one batch of 32: every stage of every step is one pass.
            assertEquals(2 * 2, passes[0]);
            assertEquals(3, samples.size());
            for (CaseSamples drawn : samples) {
                assertEquals(3, drawn.softSamples().length);
                for (float[] sample : drawn.softSamples()) {
                    assertEquals(EvaluationFixtures.SIZE * EvaluationFixtures.SIZE, sample.length);
                    for (float v : sample) {
                        assertTrue(v >= 0f && v <= 1f);
                    }
                }
                assertEquals(3L * 2 * 2 * 2, drawn.networkEvaluations());
            }
            // Alone, with its case id as study id, a case gets the same samples and the same count.
            MultiRaterCase last = cases.get(2);
            StudyResult alone = engine.segment(List.of(new Study(last.id(), last.image(), null, settings, null)),
                    (done, total) -> { }).get(0);
            assertEquals(alone.samples().networkEvaluations(), samples.get(2).networkEvaluations());
            for (int m = 0; m < 3; m++) {
                assertArrayEquals(alone.sampleAtOriginalSize(m), samples.get(2).softSamples()[m]);
            }
            assertFalse(Arrays.equals(samples.get(0).softSamples()[0], samples.get(1).softSamples()[0]),
                    "each case's noise derives from its own id");
            assertEquals("model tiny, M=3, w=0.5, 2 heun steps, seed from case id", sampler.describe());
        }
    }
}
