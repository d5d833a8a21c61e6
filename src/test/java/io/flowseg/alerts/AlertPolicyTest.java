package io.flowseg.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.uncertainty.UncertaintyFigure;
import io.flowseg.uncertainty.UncertaintySummary;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertPolicyTest {
    /** meanVarianceForeground 0.08, no pixel spacing (so no mm² figure). */
    private static final UncertaintySummary SUMMARY = new UncertaintySummary(15, 0.01, 0.2, 0.08, 0.2, 0.05,
            0.1, 100, 50, null, 120, 0.3, 0.2);

    @ParameterizedTest(name = "0.08 {0} {1} -> {2}")
    @CsvSource({
            "GT, 0.07, true", "GT, 0.08, false", "GE, 0.08, true", "GE, 0.09, false",
            "LT, 0.09, true", "LT, 0.08, false", "LE, 0.08, true", "LE, 0.07, false"})
    void comparesTheWatchedFigureWithTheThreshold(String comparator, double threshold, boolean fires) {
        AlertPolicy policy = new AlertPolicy("p", AlertScope.ANY, UncertaintyFigure.MEAN_VARIANCE_FOREGROUND,
                Comparator.parse(comparator), threshold, Severity.WARNING, true, "uncertain lesion");

        assertEquals(fires ? Optional.of(0.08) : Optional.empty(), policy.firesOn(SUMMARY));
    }

    @Test
    void aFigureTheStudyLacksNeverFires() {
        AlertPolicy policy = new AlertPolicy("mm2", AlertScope.ANY, UncertaintyFigure.FOREGROUND_AREA_MM2,
                Comparator.GE, 0, Severity.INFO, true, "any area");

        assertTrue(policy.firesOn(SUMMARY).isEmpty());
    }

    @Test
    void parsesFigureAndComparatorNamesAsUsersWriteThem() {
        assertEquals(UncertaintyFigure.P95_VARIANCE, UncertaintyFigure.parse("p95Variance"));
        assertEquals(UncertaintyFigure.P95_VARIANCE, UncertaintyFigure.parse("P95_VARIANCE"));
        assertEquals(Comparator.GE, Comparator.parse(">="));
        assertEquals(Comparator.LT, Comparator.parse("lt"));
        assertThrows(IllegalArgumentException.class, () -> UncertaintyFigure.parse("loudness"));
        assertThrows(IllegalArgumentException.class, () -> Comparator.parse("=="));
    }
}
