package io.flowseg.evaluation.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a plot: the range it shows, on a linear or a log10 scale, and its tick values.
 *
 * @param low lower end, in scale units (log10 of the value on a log axis)
 * @param high upper end, in scale units
 * @param log whether the scale is log10
 */
record PlotAxis(double low, double high, boolean log) {
    /** Share of the data span added at each end, so points do not sit on the frame. */
    private static final double PADDING = 0.05;
    private static final int MAX_TICKS = 8;

    /** An axis that shows every finite value (positive ones on a log axis); [0, 1] when there are none. */
    static PlotAxis fitting(double[] values, boolean log) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v) && (!log || v > 0)) {
                double scaled = log ? Math.log10(v) : v;
                low = Math.min(low, scaled);
                high = Math.max(high, scaled);
            }
        }
        if (low > high) {
            return new PlotAxis(0, 1, log);
        }
        // One distinct value still needs a span: half a decade, or a tenth of the value, either side.
        double pad = high > low ? PADDING * (high - low) : log ? 0.5 : Math.max(0.1 * Math.abs(low), 0.05);
        return new PlotAxis(low - pad, high + pad, log);
    }

    /** Position of a value along the axis: 0 at the low end, 1 at the high end. */
    double fraction(double value) {
        double scaled = log ? Math.log10(value) : value;
        return (scaled - low) / (high - low);
    }

    /** Tick values: 1, 2, 5 times powers of ten on a log axis (only powers of ten when those crowd), round steps on a linear one. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (int[] mantissas : new int[][] {{1, 2, 5}, {1}}) {
                ticks.clear();
                for (int exponent = (int) Math.floor(low); exponent <= Math.ceil(high); exponent++) {
                    for (int mantissa : mantissas) {
                        double value = mantissa * Math.pow(10, exponent);
                        if (Math.log10(value) >= low && Math.log10(value) <= high) {
                            ticks.add(value);
                        }
                    }
                }
                if (ticks.size() <= MAX_TICKS) {
                    break;
                }
            }
            return ticks;
        }
        double step = roundStep((high - low) / 5);
        for (double value = Math.ceil(low / step) * step; value <= high; value += step) {
            ticks.add(Math.abs(value) < step / 1e6 ? 0 : value);
        }
        return ticks;
    }

    /** A tick's label: whole numbers plainly, others with the digits the step needs. */
    static String label(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+$", "");
    }

    /** The smallest of 1, 2, 5 or 10 times a power of ten that is at least {@code raw}. */
    private static double roundStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int multiple : new int[] {1, 2, 5}) {
            if (multiple * power >= raw) {
                return multiple * power;
            }
        }
        return 10 * power;
    }
}
