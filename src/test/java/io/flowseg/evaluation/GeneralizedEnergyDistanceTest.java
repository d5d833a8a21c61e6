package io.flowseg.evaluation;

import static io.flowseg.evaluation.EmptyPairConvention.SCORE_ONE;
import static io.flowseg.evaluation.EmptyPairConvention.SKIP;
import static io.flowseg.evaluation.Masks.masks;
import static io.flowseg.evaluation.WithinSetPairs.DISTINCT;
import static io.flowseg.evaluation.WithinSetPairs.WITH_SELF_PAIRS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeneralizedEnergyDistanceTest {

    @Test
    void samplesEqualToRaters() {
        boolean[][] same = masks("1100", "1010");
        // d(1100,1010) = 1 - 1/3 = 2/3; d(x,x) = 0.
        // cross (4 pairs): 0, 2/3, 2/3, 0 -> 1/3
        // DISTINCT within: only the pair (1100,1010) -> 2/3 for each set
        //   GED = 2/3 - 2/3 - 2/3 = -2/3 (the i != j estimator is not 0 here)
        assertEquals(-2.0 / 3, GeneralizedEnergyDistance.compute(same, same, SCORE_ONE, DISTINCT), 1e-12);
        // WITH_SELF_PAIRS within: 0, 2/3, 2/3, 0 -> 1/3 for each set
        //   GED = 2/3 - 1/3 - 1/3 = 0 (empirical distributions coincide)
        assertEquals(0.0, GeneralizedEnergyDistance.compute(same, same, SCORE_ONE, WITH_SELF_PAIRS), 1e-12);
        assertEquals(0.0, GeneralizedEnergyDistance.compute(same, same, SCORE_ONE), 1e-12); // default WITH_SELF_PAIRS
    }

    @Test
    void handWorkedCase() {
        boolean[][] samples = masks("1100", "1000");
        boolean[][] raters = masks("1100", "0000");
        // IoU s1g1 = 1, s1g2 = 0, s2g1 = 1/2, s2g2 = 0 -> d: 0, 1, 1/2, 1 -> cross mean 5/8
        // within samples: d(1100,1000) = 1/2; within raters: d(1100,0000) = 1
        // DISTINCT: 2*5/8 - 1/2 - 1 = -1/4
        assertEquals(-0.25, GeneralizedEnergyDistance.compute(samples, raters, SCORE_ONE, DISTINCT), 1e-12);
        // WITH_SELF_PAIRS: samples (0 + 1/2 + 1/2 + 0)/4 = 1/4; raters (0 + 1 + 1 + 0)/4 = 1/2
        //   (0000 vs itself is empty-empty: IoU 1, d 0 under SCORE_ONE) -> 5/4 - 1/4 - 1/2 = 1/2
        assertEquals(0.5, GeneralizedEnergyDistance.compute(samples, raters, SCORE_ONE, WITH_SELF_PAIRS), 1e-12);
    }

    @Test
    void conventionChangesGedWhenAnEmptyRaterMeetsAnEmptySample() {
        boolean[][] samples = masks("1100", "0000");
        boolean[][] raters = masks("1100", "0000");
        // SCORE_ONE: cross d = 0 (s1g1), 1, 1, 0 (empty-empty) -> 1/2; within d = 1 each
        //   GED = 1 - 1 - 1 = -1
        assertEquals(-1.0, GeneralizedEnergyDistance.compute(samples, raters, SCORE_ONE, DISTINCT), 1e-12);
        // SKIP: the empty-empty cross pair drops out -> (0 + 1 + 1)/3 = 2/3; within unchanged
        //   GED = 4/3 - 1 - 1 = -2/3
        assertEquals(-2.0 / 3, GeneralizedEnergyDistance.compute(samples, raters, SKIP, DISTINCT), 1e-12);
    }
}
