package io.flowseg.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.model.UNetConfig;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBudgetCalibrationTest {
    private static final UNetConfig TINY = new UNetConfig("custom", 1, 16, 8, List.of(1, 2), 1, List.of(8), true, 2, 4);

    @Test
    void choosesTheSmallestSizeWithinNinetyPercentOfTheBestThroughput() {
        // ms per pass measured for the bundled model on the 2-core VM (README, batch size on this CPU).
        List<RowBudgetCalibration.Point> cpu = List.of(new RowBudgetCalibration.Point(8, 61.0),
                new RowBudgetCalibration.Point(16, 82.6), new RowBudgetCalibration.Point(32, 163.2),
                new RowBudgetCalibration.Point(64, 273.8), new RowBudgetCalibration.Point(128, 517.8));
        assertEquals(64, RowBudgetCalibration.choose(cpu)); // 234 rows/s, 95% of 128 rows' 247
    }

    @Test
    void stopsAtTheFirstPassThatReachesTheLimit() {
        RowBudgetCalibration.Result result = RowBudgetCalibration.measure(rows -> 10 + rows);
        assertEquals(List.of(8, 16, 32, 64, 128, 256, 512), result.measured().stream().map(RowBudgetCalibration.Point::rows).toList());
        assertEquals(512, result.measured().get(result.measured().size() - 1).rows());
        // rows / (10 + rows) ms: 512 rows is the best (98%), 128 rows the smallest within 90% of it (93%)
        assertEquals(128, result.rows());
    }

    @Test
    void aDeviceThatNeverSaturatesStopsAtTheLargestSize() {
        // A GPU: every pass costs the same 5 ms, so throughput doubles with the rows.
        RowBudgetCalibration.Result result = RowBudgetCalibration.measure(rows -> 5.0);
        assertEquals(RowBudgetCalibration.LARGEST_ROWS, result.rows());
        assertEquals(8, result.measured().size());
    }

    @Test
    void aFailedPassEndsTheSweepWithTheSizesBeforeIt() {
        RowBudgetCalibration.Result result = RowBudgetCalibration.measure(rows -> {
            if (rows > 64) {
                throw new IllegalStateException("CUDA out of memory");
            }
            return 5.0;
        });
        assertEquals(64, result.rows());
        assertEquals(4, result.measured().size());
    }

    @Test
    void aFirstPassThatFailsIsAnError() {
        IllegalStateException failure = new IllegalStateException("no device");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> RowBudgetCalibration.measure(rows -> {
                    throw failure;
                })));
    }

    @Test
    void measuresARealNetwork() {
        try (VelocityModel model = VelocityModel.untrained(TINY, 3);
             VelocityPredictor field = model.newPredictor()) {
            RowBudgetCalibration.Result result = RowBudgetCalibration.measure(new ForwardTimer(field));
            assertTrue(result.measured().stream().anyMatch(point -> point.rows() == result.rows()));
            assertTrue(result.measured().stream().allMatch(point -> point.msPerPass() > 0), result.describe());
            assertTrue(Integer.bitCount(result.rows()) == 1 && result.rows() >= 8, result.describe());
        }
    }
}
