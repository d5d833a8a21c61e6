package io.flowseg.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SampleDiversityTest {

    private static final double EPS = 1e-12;

    @Test
    void twoEmptyMasksAreIdentical() {
        long[][] masks = {ForegroundMask.empty(4), ForegroundMask.empty(4)};

        assertEquals(0.0, SampleDiversity.meanPairwiseDistance(masks));
    }

    @Test
    void emptyAgainstNonEmptyIsFullyDifferent() {
        // IoU of {} and {0} is 0 / 1, distance 1.
        long[][] masks = {mask(4), mask(4, 0)};

        assertEquals(1.0, SampleDiversity.meanPairwiseDistance(masks), EPS);
    }

    @Test
    void singleMaskHasNoDiversity() {
        assertEquals(0.0, SampleDiversity.meanPairwiseDistance(new long[][] {mask(4, 1, 2)}));
    }

    @Test
    void averagesJaccardDistanceOverAllPairs() {
        // A = {0, 1}, B = {1, 2}, C = {0, 1}:
        //   A-B: IoU 1/3 -> 2/3;  A-C: identical -> 0;  B-C: IoU 1/3 -> 2/3;  mean (4/3) / 3 = 4/9.
        long[][] masks = {mask(3, 0, 1), mask(3, 1, 2), mask(3, 0, 1)};

        assertEquals(4.0 / 9, SampleDiversity.meanPairwiseDistance(masks), EPS);
    }

    @Test
    void countsPixelsAcrossWordBoundaries() {
        // 130 pixels span three 64-bit words. A = {0, 63, 64, 129}, B = {63, 64, 128}:
        //   intersection {63, 64} = 2, union {0, 63, 64, 128, 129} = 5 -> distance 1 - 2/5 = 0.6.
        long[][] masks = {mask(130, 0, 63, 64, 129), mask(130, 63, 64, 128)};

        assertEquals(0.6, SampleDiversity.meanPairwiseDistance(masks), EPS);
    }

    private static long[] mask(int pixels, int... foreground) {
        long[] mask = ForegroundMask.empty(pixels);
        for (int pixel : foreground) {
            ForegroundMask.include(mask, pixel, 1);
        }
        return mask;
    }

    @Test
    void booleanMasksScoreAsTheirBitsetsDo() {
        boolean[] empty = new boolean[70];
        boolean[] left = new boolean[70];
        boolean[] right = new boolean[70];
        boolean[] first = new boolean[70];
        for (int p = 0; p < 35; p++) {
            left[p] = true;
            right[35 + p] = true;
        }
        first[0] = true;
        // pairs: (left, right) 1, (left, first) 1 - 1/35, (right, first) 1
        assertEquals((1 + (1 - 1.0 / 35) + 1) / 3, SampleDiversity.of(new boolean[][] {left, right, first}), EPS);
        assertEquals(0.0, SampleDiversity.of(new boolean[][] {empty, empty}), "two empty samples are the same shape");
        assertEquals(1.0, SampleDiversity.of(new boolean[][] {empty, left}), "an empty and a drawn sample differ wholly");
    }
}
