package io.flowseg.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotAxisTest {

    @Test
    void logAxisTicksAtOneTwoFiveTimesPowersOfTen() {
        PlotAxis axis = PlotAxis.fitting(new double[] {150, 3000, 0, Double.NaN}, true);
        assertEquals(List.of(200.0, 500.0, 1000.0, 2000.0), axis.ticks());
        assertEquals(0.0, axis.fraction(Math.pow(10, axis.low())), 1e-12);
        assertEquals(0.5, axis.fraction(Math.sqrt(150 * 3000)), 1e-12, "the geometric mean sits in the middle");
    }

    @Test
    void crowdedLogAxisKeepsOnlyPowersOfTen() {
        assertEquals(List.of(10.0, 100.0, 1000.0, 10000.0, 100000.0),
                PlotAxis.fitting(new double[] {10, 100000}, true).ticks());
    }

    @Test
    void linearAxisTicksAtRoundSteps() {
        // 0.21..0.39 padded to 0.201..0.399: a fifth of that span rounds up to a step of 0.05.
        PlotAxis axis = PlotAxis.fitting(new double[] {0.21, 0.39}, false);
        assertEquals(List.of(0.25, 0.3, 0.35),
                axis.ticks().stream().map(t -> Math.round(t * 100) / 100.0).toList());
    }

    @Test
    void aSingleValueOrNoneStillSpansARange() {
        PlotAxis one = PlotAxis.fitting(new double[] {0.5}, false);
        assertEquals(0.5, one.fraction(0.5), 1e-12);
        assertEquals(new PlotAxis(0, 1, false), PlotAxis.fitting(new double[] {Double.NaN}, false));
    }

    @Test
    void labelsAreShort() {
        assertEquals("200", PlotAxis.label(200));
        assertEquals("0.25", PlotAxis.label(0.25));
        assertEquals("0.3", PlotAxis.label(0.1 + 0.2));
    }
}
