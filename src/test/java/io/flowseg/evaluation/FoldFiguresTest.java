package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldFiguresTest {

    private static CaseMetrics caseWithGed(double ged) {
        return new CaseMetrics(EmptyPairConvention.SCORE_ONE, ged, 0.5, 0.5, 1, new CollectiveInsight(1, 1, 1, 1),
                Double.NaN, new ReliabilityTable(List.of(), 0.1), 0.3);
    }

    @Test
    void casesGoRoundRobinIntoFoldsAndTheFoldMeansAreSummarised() {
        // Fold 1 holds cases 0, 2, 4 (GED 0.1, 0.3, 0.5: mean 0.3), fold 2 cases 1, 3 (0.2, 0.8: mean 0.5).
        List<CaseMetrics> cases = List.of(caseWithGed(0.1), caseWithGed(0.2), caseWithGed(0.3), caseWithGed(0.8),
                caseWithGed(0.5));
        FoldFigures figures = FoldFigures.of(cases, 2);
        assertEquals(2, figures.folds().size());
        assertEquals(3, figures.folds().get(0).get(CaseMetrics.GED).total());
        assertEquals(0.3, figures.folds().get(0).get(CaseMetrics.GED).mean(), 1e-12);
        assertEquals(0.5, figures.folds().get(1).get(CaseMetrics.GED).mean(), 1e-12);
        MetricSummary ged = figures.overFolds().get(CaseMetrics.GED);
        assertEquals(0.4, ged.mean(), 1e-12);
        assertEquals(Math.sqrt(0.02), ged.std(), 1e-12);
        assertEquals(2, ged.total());
    }

    @Test
    void needsAtLeastTwoFoldsAndNoMoreThanTheCases() {
        List<CaseMetrics> cases = List.of(caseWithGed(0.1), caseWithGed(0.2));
        assertThrows(IllegalArgumentException.class, () -> FoldFigures.of(cases, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FoldFigures.of(cases, 3));
        assertEquals("k-fold figures need 2 <= k <= the 2 cases, got k = 3", e.getMessage());
    }
}
