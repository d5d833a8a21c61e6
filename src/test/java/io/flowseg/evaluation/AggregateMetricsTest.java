package io.flowseg.evaluation;

import static io.flowseg.evaluation.Masks.masks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateMetricsTest {

    private static CaseMetrics caseWithGed(double ged, EmptyPairConvention convention) {
        return new CaseMetrics(convention, ged, 0.5, 0.5, 1, new CollectiveInsight(1, 1, 1, 1), Double.NaN,
                new ReliabilityTable(List.of(), 0.1), 0.3);
    }

    @Test
    void meanAndSampleStdIgnoringNaN() {
        var cases = List.of(caseWithGed(0.2, EmptyPairConvention.SKIP), caseWithGed(0.4, EmptyPairConvention.SKIP),
                caseWithGed(Double.NaN, EmptyPairConvention.SKIP));
        AggregateMetrics aggregate = AggregateMetrics.of(cases);
        MetricSummary ged = aggregate.get(CaseMetrics.GED);
        // counted 0.2, 0.4: mean 0.3; sample std sqrt((0.1^2 + 0.1^2)/(2-1)) = sqrt(0.02)
        assertEquals(0.3, ged.mean(), 1e-12);
        assertEquals(Math.sqrt(0.02), ged.std(), 1e-12);
        assertEquals(2, ged.counted());
        assertEquals(3, ged.total());
        // a metric NaN in every case: mean NaN, counted 0
        assertEquals(0, aggregate.get(CaseMetrics.VARIANCE_CORRELATION).counted());
        assertEquals(EmptyPairConvention.SKIP, aggregate.convention());
    }

    @Test
    void refusesMixedConventions() {
        var cases = List.of(caseWithGed(0.2, EmptyPairConvention.SKIP), caseWithGed(0.4, EmptyPairConvention.SCORE_ONE));
        assertThrows(IllegalArgumentException.class, () -> AggregateMetrics.of(cases));
    }

    @Test
    void evaluatorTagsConventionAndSharesMaxDice() {
        float[][] soft = {{1f, 1f, 0f, 0f}, {1f, 0f, 0f, 0f}};
        CaseMasks masks = CaseMasks.fromSoftSamples(soft, masks("1100", "0110"));
        CaseMetrics metrics = new MultiRaterEvaluator().evaluate(masks);
        assertEquals(EmptyPairConvention.SCORE_ONE, metrics.convention());
        // same masks as CollectiveInsightTest.handWorkedCase
        assertEquals(0.75, metrics.maxDice(), 1e-12);
        assertEquals(198.0 / 283, metrics.scalars().get(CaseMetrics.CI), 1e-12);
    }
}
