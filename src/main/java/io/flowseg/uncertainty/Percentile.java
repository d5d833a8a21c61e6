package io.flowseg.uncertainty;

import java.util.Arrays;

/** Percentiles with numpy's default ("linear") interpolation between order statistics. */
public final class Percentile {

    private Percentile() {
    }

    /**
     * The {@code percent}-th percentile of {@code values}: with the values sorted ascending as
     * a[0..n-1], the position {@code percent / 100 * (n - 1)} is interpolated linearly between its
     * neighbouring order statistics, as {@code numpy.percentile(values, percent)} does.
     */
    public static double linear(double[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must lie within [0, 100], got " + percent);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        return sorted[below] + (sorted[above] - sorted[below]) * weight;
    }

    /** The same, NaN for no values (a figure of an empty set). */
    public static double linearOrNaN(double[] values, double percent) {
        return values.length == 0 ? Double.NaN : linear(values, percent);
    }

    /**
     * The nearest-rank percentile, for latencies: the smallest value with at least {@code percent}
     * percent of the values at or below it; 0 when there are none.
     */
    public static long nearestRank(long[] values, double percent) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
