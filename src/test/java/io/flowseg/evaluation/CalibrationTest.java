package io.flowseg.evaluation;

import static io.flowseg.evaluation.Masks.masks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void varianceCorrelationPositiveWhenUncertaintyWhereRatersDisagree() {
        float[][] soft = {{1f, 0.5f, 0f, 0f}, {1f, 0.5f, 1f, 0f}};
        // predicted population variance: 0, 0, 1/4, 0
        boolean[][] raters = masks("1010", "1000");
        // rater frequency 1, 0, 1/2, 0 -> f(1-f): 0, 0, 1/4, 0 -> identical maps, r = 1
        assertEquals(1.0, Calibration.varianceCorrelation(CaseMasks.fromSoftSamples(soft, raters)), 1e-12);
    }

    @Test
    void varianceCorrelationNegative() {
        float[][] soft = {{0f, 1f, 1f, 0f}, {1f, 1f, 1f, 0f}};
        // x = predicted variance: 1/4, 0, 0, 0 (mean 1/16)
        boolean[][] raters = masks("1100", "1010");
        // y = rater variance: freq 1, 1/2, 1/2, 0 -> 0, 1/4, 1/4, 0 (mean 1/8)
        // cov sum = (3/16)(-1/8) + 2(-1/16)(1/8) + (-1/16)(-1/8) = -4/128 = -1/32
        // sum sq x = 9/256 + 3/256 = 3/64; sum sq y = 4/64 = 1/16
        // r = (-1/32) / sqrt(3/64 * 1/16) = -1/sqrt(3)
        assertEquals(-1 / Math.sqrt(3), Calibration.varianceCorrelation(CaseMasks.fromSoftSamples(soft, raters)),
                1e-12);
    }

    @Test
    void varianceCorrelationNaNWhenRatersAgree() {
        float[][] soft = {{0f, 1f, 1f, 0f}, {1f, 1f, 1f, 0f}};
        boolean[][] raters = masks("1100", "1100"); // rater variance 0 everywhere
        assertTrue(Double.isNaN(Calibration.varianceCorrelation(CaseMasks.fromSoftSamples(soft, raters))));
    }

    @Test
    void reliabilityBinsAndEce() {
        double[] predicted = {0.05, 0.15, 0.12, 0.95, 1.0, 0.5};
        double[] observed = {0.0, 0.5, 0.0, 1.0, 0.5, 1.0};
        ReliabilityTable table = Calibration.reliability(predicted, observed, 10);
        // bin 0 [0,.1): 0.05         -> count 1, pred .05,  obs 0    -> |gap| .05
        // bin 1 [.1,.2): 0.15, 0.12  -> count 2, pred .135, obs .25  -> |gap| .115
        // bin 5 [.5,.6): 0.5         -> count 1, pred .5,   obs 1    -> |gap| .5
        // bin 9 [.9,1]: 0.95, 1.0    -> count 2, pred .975, obs .75  -> |gap| .225 (1.0 in the closed last bin)
        // ECE = (1*.05 + 2*.115 + 1*.5 + 2*.225)/6 = 1.23/6 = 0.205
        assertEquals(10, table.bins().size());
        ReliabilityBin second = table.bins().get(1);
        assertEquals(2, second.count());
        assertEquals(0.135, second.meanPredicted(), 1e-12);
        assertEquals(0.25, second.meanObserved(), 1e-12);
        ReliabilityBin last = table.bins().get(9);
        assertEquals(2, last.count());
        assertEquals(0.975, last.meanPredicted(), 1e-12);
        assertEquals(0.75, last.meanObserved(), 1e-12);
        assertEquals(0, table.bins().get(3).count());
        assertTrue(Double.isNaN(table.bins().get(3).meanPredicted()));
        assertEquals(0.205, table.expectedCalibrationError(), 1e-12);
    }
}
