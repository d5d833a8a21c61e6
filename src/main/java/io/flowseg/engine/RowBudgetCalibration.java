package io.flowseg.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Measures the rows per forward pass at which a device's throughput levels off ({@code
 * flowseg.engine.max-batch=auto}). Passes of 8, 16, 32, ... rows are timed on the field itself,
 * up to a pass of {@value #PASS_LIMIT_MS} ms or {@value #LARGEST_ROWS} rows, and the smallest
 * size within {@value #SHARE_OF_BEST} of the best rows per second wins: more rows would make every
 * pass, and so every study sharing it, slower for little throughput. The pass limit bounds how
 * long a STAT study waits for the pass under way before it runs. A GPU levels off at hundreds
 * of rows, a CPU at tens, and no constant in a properties file knows which device a pod lands on.
 */
public final class RowBudgetCalibration {
    static final int FIRST_ROWS = 8;
    static final int LARGEST_ROWS = 1024;
    static final double PASS_LIMIT_MS = 500;
    static final double SHARE_OF_BEST = 0.9;
    private static final int WARMUP = 1;
    private static final int REPEATS = 3;

    private RowBudgetCalibration() {
    }

    /** One timed pass size. */
    public record Point(int rows, double msPerPass) {
        public double rowsPerSecond() {
            return rows * 1000 / msPerPass;
        }
    }

    /** The sizes timed and the one chosen. */
    public record Result(int rows, List<Point> measured) {
        /** The table as one log line: each size with its rows per second ("8 rows 131/s, 16 rows 194/s"). */
        public String describe() {
            StringBuilder text = new StringBuilder();
            for (Point point : measured) {
                text.append(text.isEmpty() ? "" : ", ").append(point.rows()).append(String.format(" rows %.0f/s", point.rowsPerSecond()));
            }
            return text.toString();
        }
    }

    /** Times the field's forward pass (median of {@value #REPEATS} after {@value #WARMUP} untimed). */
    public static Result measure(ForwardTimer timer) {
        return measure(rows -> ForwardTimer.median(timer.time(rows, WARMUP, REPEATS)));
    }

    /**
     * Times passes with {@code msPerPass} until one takes {@value #PASS_LIMIT_MS} ms, reaches
     * {@value #LARGEST_ROWS} rows, or fails (a GPU out of memory): the sizes before it still count.
     */
    static Result measure(IntToDoubleFunction msPerPass) {
        List<Point> points = new ArrayList<>();
        for (int rows = FIRST_ROWS; rows <= LARGEST_ROWS; rows *= 2) {
            double ms;
            try {
                ms = msPerPass.applyAsDouble(rows);
            } catch (RuntimeException e) {
                if (points.isEmpty()) {
                    throw e;
                }
                break;
            }
            points.add(new Point(rows, ms));
            if (ms >= PASS_LIMIT_MS) {
                break;
            }
        }
        return new Result(choose(points), List.copyOf(points));
    }

    /** The smallest size within {@value #SHARE_OF_BEST} of the best rows per second. */
    static int choose(List<Point> points) {
        double best = points.stream().mapToDouble(Point::rowsPerSecond).max()
                .orElseThrow(() -> new IllegalArgumentException("no pass was timed"));
        return points.stream().filter(point -> point.rowsPerSecond() >= SHARE_OF_BEST * best)
                .min(Comparator.comparingInt(Point::rows)).orElseThrow().rows();
    }
}
