package io.flowseg.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowseg.alerts.Severity;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowStatisticsTest {

    @Test
    void countsStudiesAlertsAndTheShareWithAnyAlert() {
        WindowStatistics statistics = new WindowStatistics()
                .add(new StudyFacts("a", "CT", 0.01, List.of()))
                .add(new StudyFacts("a", "CT", 0.03, List.of(Severity.WARNING, Severity.INFO)))
                .add(new StudyFacts("a", "CT", 0.02, List.of(Severity.WARNING)))
                .add(new StudyFacts("a", "CT", 0.00, List.of()));

        assertEquals(4, statistics.studies());
        assertEquals(2, statistics.alerts(Severity.WARNING));
        assertEquals(1, statistics.alerts(Severity.INFO));
        assertEquals(0, statistics.alerts(Severity.CRITICAL));
        assertEquals(2, statistics.highUncertaintyStudies());
        assertEquals(0.5, statistics.highUncertaintyShare(), 1e-12);
        assertEquals(0.015, statistics.meanVarianceMean(), 1e-12);
    }

    @Test
    void the95thPercentileIsWithinTheSketchAccuracyOfTheExactOne() {
        Random random = new Random(3);
        WindowStatistics statistics = new WindowStatistics();
        double[] values = new double[2000];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.exp(-9 + 6 * random.nextDouble()); // 1e-4 .. 0.05, spread over decades
            statistics.add(new StudyFacts("a", "CT", values[i], List.of()));
        }
        java.util.Arrays.sort(values);
        double exact = values[(int) Math.floor(0.95 * (values.length - 1))];
        assertEquals(exact, statistics.meanVarianceP95(), exact * WindowStatistics.RELATIVE_ACCURACY * 1.01);
    }

    @Test
    void twoHalvesMergeIntoTheStatisticsOfTheWhole() {
        Random random = new Random(5);
        WindowStatistics whole = new WindowStatistics();
        WindowStatistics first = new WindowStatistics();
        WindowStatistics second = new WindowStatistics();
        for (int i = 0; i < 300; i++) {
            StudyFacts study = new StudyFacts("a", "CT", Math.exp(-9 + 6 * random.nextDouble()),
                    i % 7 == 0 ? List.of(Severity.CRITICAL) : i % 3 == 0 ? List.of(Severity.INFO) : List.of());
            whole.add(study);
            (i < 100 ? first : second).add(study);
        }

        WindowStatistics merged = new WindowStatistics().merge(first).merge(second);

        assertEquals(whole.studies(), merged.studies());
        for (Severity severity : Severity.values()) {
            assertEquals(whole.alerts(severity), merged.alerts(severity), severity.name());
        }
        assertEquals(whole.highUncertaintyStudies(), merged.highUncertaintyStudies());
        assertEquals(whole.highUncertaintyShare(), merged.highUncertaintyShare(), 1e-12);
        assertEquals(whole.meanVarianceMean(), merged.meanVarianceMean(), 1e-12);
        // The sketches share their index mapping, so merging loses nothing: the same bucket answers.
        assertEquals(whole.meanVarianceP95(), merged.meanVarianceP95(), 0);
        assertEquals(100, first.studies(), "the merged states are left as they were");
    }

    @Test
    void survivesItsByteForm() {
        WindowStatistics statistics = new WindowStatistics()
                .add(new StudyFacts("a", "CT", 0.2, List.of(Severity.CRITICAL)))
                .add(new StudyFacts("a", "CT", 0.001, List.of()));

        WindowStatistics copy = WindowStatistics.fromBytes(statistics.toBytes()).add(new StudyFacts("a", "CT", 0.1, List.of()));

        assertEquals(3, copy.studies());
        assertEquals(1, copy.alerts(Severity.CRITICAL));
        assertEquals(1, copy.highUncertaintyStudies());
        assertEquals((0.2 + 0.001 + 0.1) / 3, copy.meanVarianceMean(), 1e-12);
        assertEquals(0.1, copy.meanVarianceP95(), 0.1 * WindowStatistics.RELATIVE_ACCURACY, "rank floor(0.95 x 2) of 3");
        assertEquals(0, new WindowStatistics().meanVarianceP95());
    }
}
