package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EmptyPairConventionTest {

    @Test
    void parsesItsCommandLineForm() {
        assertEquals("score-one", EmptyPairConvention.SCORE_ONE.id());
        assertEquals(EmptyPairConvention.SCORE_ONE, EmptyPairConvention.parse(" Score-One "));
        assertEquals(EmptyPairConvention.SKIP, EmptyPairConvention.parse("skip"));
        assertThrows(IllegalArgumentException.class, () -> EmptyPairConvention.parse("score_one"));
    }
}
