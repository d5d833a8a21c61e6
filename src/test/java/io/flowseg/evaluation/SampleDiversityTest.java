package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SampleDiversityTest {
    private static final boolean[] EMPTY = new boolean[4];
    private static final boolean[] LEFT = {true, true, false, false};
    private static final boolean[] RIGHT = {false, false, true, true};
    private static final boolean[] FIRST = {true, false, false, false};

    @Test
    void identicalSamplesHaveNoDiversity() {
        assertEquals(0, SampleDiversity.of(new boolean[][] {LEFT, LEFT, LEFT}));
        assertEquals(0, SampleDiversity.of(new boolean[][] {EMPTY, EMPTY}), "two empty samples are the same shape");
        assertEquals(0, SampleDiversity.of(new boolean[][] {LEFT}), "one sample has no partner");
    }

    @Test
    void itIsTheMeanJaccardDistanceOverDistinctPairs() {
        // pairs: (LEFT, RIGHT) 1, (LEFT, FIRST) 1 - 1/2, (RIGHT, FIRST) 1
        assertEquals((1 + 0.5 + 1) / 3, SampleDiversity.of(new boolean[][] {LEFT, RIGHT, FIRST}), 1e-12);
        assertEquals(1, SampleDiversity.of(new boolean[][] {EMPTY, LEFT}), "an empty and a drawn sample differ wholly");
    }
}
