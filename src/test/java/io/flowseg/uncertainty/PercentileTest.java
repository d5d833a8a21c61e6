package io.flowseg.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentileTest {

    private static final double EPS = 1e-12;

    @Test
    void interpolatesLinearlyLikeNumpy() {
        double[] values = {5, 1, 4, 2, 3};

        // Sorted [1, 2, 3, 4, 5]; position 0.95 * 4 = 3.8 -> 4 + 0.8 * (5 - 4) = 4.8 (numpy: 4.8).
        assertEquals(4.8, Percentile.linear(values, 95), EPS);
        // Position 0.5 * 4 = 2 falls on an order statistic.
        assertEquals(3.0, Percentile.linear(values, 50), EPS);
        // Position 0.1 * 4 = 0.4 -> 1 + 0.4 * (2 - 1) = 1.4.
        assertEquals(1.4, Percentile.linear(values, 10), EPS);
    }

    @Test
    void endsAreMinimumAndMaximum() {
        double[] values = {0.3, 0.1, 0.2};

        assertEquals(0.1, Percentile.linear(values, 0), EPS);
        assertEquals(0.3, Percentile.linear(values, 100), EPS);
    }

    @Test
    void singleValueIsEveryPercentile() {
        assertEquals(7.0, Percentile.linear(new double[] {7}, 95));
    }

    @Test
    void leavesTheInputUnsorted() {
        double[] values = {3, 1, 2};

        Percentile.linear(values, 95);

        assertArrayEquals(new double[] {3, 1, 2}, values);
    }

    @Test
    void rejectsNoValuesAndPercentOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Percentile.linear(new double[0], 95));
        assertThrows(IllegalArgumentException.class, () -> Percentile.linear(new double[] {1}, 101));
    }

    @Test
    void nearestRankTakesAnObservedValue() {
        long[] latencies = {40, 10, 30, 20};
        assertEquals(20, Percentile.nearestRank(latencies, 50));
        assertEquals(40, Percentile.nearestRank(latencies, 99));
        assertEquals(10, Percentile.nearestRank(latencies, 0));
        assertEquals(0, Percentile.nearestRank(new long[0], 50));
        assertEquals(40, latencies[0], "the caller's array stays as it was");
    }

    @Test
    void noValuesHaveNoLinearPercentile() {
        assertTrue(Double.isNaN(Percentile.linearOrNaN(new double[0], 50)));
    }
}
