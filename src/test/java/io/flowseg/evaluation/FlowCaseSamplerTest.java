package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.engine.SamplingSettings;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.engine.Study;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SampleSet;
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
            for (int i = 0; i < cases.size(); i++) {
                CaseSamples drawn = samples.get(i);
                assertEquals(3, drawn.softSamples().length);
                for (float[] sample : drawn.softSamples()) {
                    assertEquals(EvaluationFixtures.SIZE * EvaluationFixtures.SIZE, sample.length);
                    for (float v : sample) {
                        assertTrue(v >= 0f && v <= 1f);
                    }
                }
                // Alone, with its case id as study id, a case gets the same samples and the same count.
                SampleSet alone = engine.segment(List.of(new Study(cases.get(i).id(), cases.get(i).image(), null,
                        settings, null)), (done, total) -> { }).get(0).samples();
                assertEquals(alone.networkEvaluations(), drawn.networkEvaluations());
                assertEquals(3L * 2 * 2 * 2, drawn.networkEvaluations());
            }
            assertFalse(Arrays.equals(samples.get(0).softSamples()[0], samples.get(1).softSamples()[0]),
                    "each case's noise derives from its own id");
            assertArrayEquals(samples.get(1).softSamples()[2],
                    sampler.sample(cases, (done, total) -> { }).get(1).softSamples()[2]);
            assertEquals("model tiny, M=3, w=0.5, 2 heun steps, seed from case id", sampler.describe());
        }
    }
}
