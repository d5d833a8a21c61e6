package io.flowseg.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinaryEntropyTest {

    @Test
    void evenOddsCarryOneBit() {
        assertEquals(1.0, BinaryEntropy.bits(0.5), 1e-15);
    }

    @Test
    void certaintyCarriesNoInformation() {
        // 0 log 0 is taken as 0, so neither end yields NaN.
        assertEquals(0.0, BinaryEntropy.bits(0));
        assertEquals(0.0, BinaryEntropy.bits(1));
    }

    @Test
    void quarterMatchesTheFormula() {
        // H(1/4) = 1/4 * 2 + 3/4 * log2(4/3) = 0.5 + 0.75 * (2 - log2 3).
        double expected = 0.5 + 0.75 * (2 - Math.log(3) / Math.log(2));
        assertEquals(expected, BinaryEntropy.bits(0.25), 1e-15);
        assertEquals(expected, BinaryEntropy.bits(0.75), 1e-15);
    }
}
