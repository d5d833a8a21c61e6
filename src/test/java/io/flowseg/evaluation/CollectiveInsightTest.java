package io.flowseg.evaluation;

import static io.flowseg.evaluation.EmptyPairConvention.SCORE_ONE;
import static io.flowseg.evaluation.EmptyPairConvention.SKIP;
import static io.flowseg.evaluation.Masks.masks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CollectiveInsightTest {

    @Test
    void handWorkedCase() {
        boolean[][] samples = masks("1100", "1000");
        boolean[][] raters = masks("1100", "0110");
        CollectiveInsight ci = CollectiveInsight.compute(samples, raters, SCORE_ONE);
        // S_c: sample union 1100 vs rater union 1110: TP 2, FN 1 -> 2/3
        assertEquals(2.0 / 3, ci.combinedSensitivity(), 1e-12);
        // D_max: rater 1100 best 1 (vs 1100); rater 0110 best Dice vs 1100 = 2/4 -> (1 + 1/2)/2 = 3/4
        assertEquals(0.75, ci.maxDice(), 1e-12);
        // D_a: samples 1100-1000 = [0,1,0,0]: mean 1/4, E[d^2] 1/4 -> V = 1/4 - 1/16 = 3/16
        //      raters 1100-0110 = [1,0,-1,0]: mean 0, E[d^2] 1/2 -> V = 1/2
        //      one pair per set: dV_max = dV_min = 1/2 - 3/16 = 5/16 -> D_a = 1 - 5/16 = 11/16
        assertEquals(11.0 / 16, ci.diversityAgreement(), 1e-12);
        // CI = 3abc/(ab+bc+ac): abc = 2/3*3/4*11/16 = 11/32 -> numerator 33/32
        //   ab = 1/2 = 96/192, bc = 33/64 = 99/192, ac = 22/48 = 88/192 -> 283/192
        //   CI = (33/32)/(283/192) = 198/283
        assertEquals(198.0 / 283, ci.score(), 1e-12);
    }

    @Test
    void emptyRaterUnionFollowsConvention() {
        boolean[][] samples = masks("1100");
        boolean[][] raters = masks("0000");
        assertEquals(1.0, CollectiveInsight.combinedSensitivity(samples, raters, SCORE_ONE));
        assertTrue(Double.isNaN(CollectiveInsight.combinedSensitivity(samples, raters, SKIP)));
    }

    @Test
    void harmonicMeanWithZeros() {
        assertEquals(0.0, CollectiveInsight.harmonicMean(0, 0, 1));
        assertEquals(1.0, CollectiveInsight.harmonicMean(1, 1, 1), 1e-12);
    }
}
