package io.flowseg.evaluation;

/** Means, deviations and extremes that ignore NaN entries (skipped pairs, undefined cases). */
final class NanStatistics {

    private NanStatistics() {
    }

    static int countFinite(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** Mean over non-NaN values; NaN when there are none. */
    static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static double mean(double[][] matrix) {
        return mean(flatten(matrix));
    }

    /** Sample standard deviation (n-1) over non-NaN values; NaN when fewer than two. */
    static double sampleStd(double[] values) {
        int n = countFinite(values);
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** Largest non-NaN value; NaN when there are none. */
    static double max(double[] values) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || v > best)) {
                best = v;
            }
        }
        return best;
    }

    /** Smallest non-NaN value; NaN when there are none. */
    static double min(double[] values) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || v < best)) {
                best = v;
            }
        }
        return best;
    }

    private static double[] flatten(double[][] matrix) {
        int total = 0;
        for (double[] row : matrix) {
            total += row.length;
        }
        double[] flat = new double[total];
        int k = 0;
        for (double[] row : matrix) {
            System.arraycopy(row, 0, flat, k, row.length);
            k += row.length;
        }
        return flat;
    }
}
