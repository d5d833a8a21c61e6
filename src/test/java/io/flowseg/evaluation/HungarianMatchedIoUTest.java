package io.flowseg.evaluation;

import static io.flowseg.evaluation.EmptyPairConvention.SCORE_ONE;
import static io.flowseg.evaluation.EmptyPairConvention.SKIP;
import static io.flowseg.evaluation.Masks.masks;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HungarianMatchedIoUTest {

    @Test
    void optimalAssignmentBeatsGreedy() {
        boolean[][] samples = masks("1100", "1011");
        boolean[][] raters = masks("0011", "1111");
        // IoU matrix (rows samples, cols raters):
        //   1100 vs 0011: 0/4 = 0      1100 vs 1111: 2/4 = 1/2
        //   1011 vs 0011: 2/3          1011 vs 1111: 3/4
        // greedy takes the best entry 3/4 first, then 0 -> mean 3/8
        // Hungarian: 1/2 + 2/3 = 7/6 -> mean 7/12
        assertEquals(7.0 / 12, HungarianMatchedIoU.compute(samples, raters, SCORE_ONE), 1e-12);
    }

    @Test
    void ratersRepeatedToSampleCount() {
        // M = 4, E = 2: each rater repeated twice
        assertArrayEquals(new int[] {0, 0, 1, 1}, HungarianMatchedIoU.raterSlots(2, 4));
        // M = 5, E = 2: not a multiple -> cyclic
        assertArrayEquals(new int[] {0, 1, 0, 1, 0}, HungarianMatchedIoU.raterSlots(2, 5));
        // M = 4 samples against E = 2 raters: two samples equal to rater 1, two to rater 2 -> all matches IoU 1
        boolean[][] samples = masks("1100", "0011", "1100", "0011");
        boolean[][] raters = masks("1100", "0011");
        assertEquals(1.0, HungarianMatchedIoU.compute(samples, raters, SCORE_ONE), 1e-12);
    }

    @Test
    void conventionOnEmptyRaters() {
        boolean[][] samples = masks("1100", "0000");
        boolean[][] raters = masks("0000", "0000");
        // every rater is empty: 1100 matches an empty rater (IoU 0), 0000 the other (empty-empty)
        // SCORE_ONE: (0 + 1)/2 = 1/2; SKIP: the empty-empty match drops out -> 0
        assertEquals(0.5, HungarianMatchedIoU.compute(samples, raters, SCORE_ONE), 1e-12);
        assertEquals(0.0, HungarianMatchedIoU.compute(samples, raters, SKIP), 1e-12);
        // all matches skipped -> NaN
        assertTrue(Double.isNaN(HungarianMatchedIoU.compute(masks("0000", "0000"), raters, SKIP)));
    }
}
