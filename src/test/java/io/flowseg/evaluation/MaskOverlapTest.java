package io.flowseg.evaluation;

import static io.flowseg.evaluation.EmptyPairConvention.SCORE_ONE;
import static io.flowseg.evaluation.EmptyPairConvention.SKIP;
import static io.flowseg.evaluation.Masks.mask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskOverlapTest {

    @Test
    void overlappingMasks() {
        // 1100 vs 1010: intersection 1, union 3 -> IoU 1/3; Dice 2*1/(2+2) = 1/2
        assertEquals(1.0 / 3, MaskOverlap.iou(mask("1100"), mask("1010"), SCORE_ONE), 1e-12);
        assertEquals(0.5, MaskOverlap.dice(mask("1100"), mask("1010"), SCORE_ONE), 1e-12);
    }

    @Test
    void emptyVsEmptyFollowsConvention() {
        assertEquals(1.0, MaskOverlap.iou(mask("0000"), mask("0000"), SCORE_ONE)); // exactly 1, not smoothed
        assertEquals(1.0, MaskOverlap.dice(mask("0000"), mask("0000"), SCORE_ONE));
        assertTrue(Double.isNaN(MaskOverlap.iou(mask("0000"), mask("0000"), SKIP)));
        assertTrue(Double.isNaN(MaskOverlap.dice(mask("0000"), mask("0000"), SKIP)));
        assertEquals(SCORE_ONE, EmptyPairConvention.DEFAULT);
    }

    @Test
    void emptyVsNonEmptyIsZeroUnderBothConventions() {
        // intersection 0, union 1
        assertEquals(0.0, MaskOverlap.iou(mask("0000"), mask("1000"), SKIP));
        assertEquals(0.0, MaskOverlap.dice(mask("0000"), mask("1000"), SCORE_ONE));
    }
}
