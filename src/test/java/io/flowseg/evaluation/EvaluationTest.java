package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.sampling.SamplingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private final List<MultiRaterCase> cases = EvaluationFixtures.cases();

    /** Returns each case's rater masks (shifted by {@code offset} pixels) as samples, costing 10 * (i + 1) evaluations. */
    private static CaseSampler ratersAsSamples(int offset) {
        return new CaseSampler() {
            @Override
            public String name() {
                return "raters";
            }

            @Override
            public String describe() {
                return "the raters, shifted by " + offset;
            }

            @Override
            public List<CaseSamples> sample(List<MultiRaterCase> input, SamplingProgress progress) {
                List<CaseSamples> samples = new ArrayList<>();
                for (int i = 0; i < input.size(); i++) {
                    List<boolean[]> raters = input.get(i).raterMasks();
                    float[][] soft = new float[raters.size()][];
                    for (int k = 0; k < soft.length; k++) {
                        soft[k] = new float[raters.get(k).length];
                        for (int p = 0; p < soft[k].length; p++) {
                            soft[k][p] = raters.get(k)[(p + offset) % soft[k].length] ? 1f : 0f;
                        }
                    }
                    samples.add(new CaseSamples(soft, 10L * (i + 1)));
                }
                return samples;
            }
        };
    }

    @Test
    void samplesThatAreTheRatersScorePerfectly() {
        EvaluationResult result = new Evaluation(new MultiRaterEvaluator())
                .run(cases, ratersAsSamples(0), SamplingProgress.NONE);
        assertEquals(3, result.cases().size());
        for (CaseResult c : result.cases()) {
            assertEquals(0.0, c.metrics().ged(), 1e-12, c.input().id());
            assertEquals(1.0, c.metrics().hungarianMatchedIoU(), 1e-12, c.input().id());
        }
        assertEquals(0.0, result.aggregate().get(CaseMetrics.GED).mean(), 1e-12);
        assertEquals(20.0, result.networkEvaluationsPerStudy(), 0);
        assertEquals("the raters, shifted by 0", result.settings());
    }

    @Test
    void aggregatesThePerCaseMetricsUnderTheEvaluatorsConvention() {
        MultiRaterEvaluator evaluator = new MultiRaterEvaluator(EmptyPairConvention.SKIP, 5);
        CaseSampler shifted = ratersAsSamples(37);
        EvaluationResult result = new Evaluation(evaluator).run(cases, shifted, SamplingProgress.NONE);

        List<CaseSamples> samples = shifted.sample(cases, SamplingProgress.NONE);
        List<CaseMetrics> expected = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CaseMetrics metrics = evaluator.evaluate(CaseMasks.fromSoftSamples(samples.get(i).softSamples(),
                    cases.get(i).raterMasks().toArray(boolean[][]::new)));
            expected.add(metrics);
            assertEquals(metrics.scalars(), result.cases().get(i).metrics().scalars());
            assertSame(cases.get(i), result.cases().get(i).input());
        }
        Map<String, MetricSummary> summaries = AggregateMetrics.of(expected).summaries();
        assertEquals(summaries, result.aggregate().summaries());
        assertEquals(EmptyPairConvention.SKIP, result.convention());
        assertEquals(3, result.aggregate().get(CaseMetrics.GED).total());
    }
}
