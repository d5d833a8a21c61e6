package io.flowseg.evaluation;

/**
 * Collects a pair score over all pairs of a mask set, so every metric enumerates pairs the same way.
 *
 * <p>Within one set we use the unordered pairs i &lt; j of distinct masks; for the symmetric scores used
 * here this gives the same mean as all ordered pairs i != j.
 */
final class PairwiseScores {

    private PairwiseScores() {
    }

    /** score(set[i], set[j]) for all i &lt; j; empty when the set has fewer than two masks. */
    static double[] distinctPairs(boolean[][] set, MaskPairFunction score) {
        int n = set.length;
        double[] values = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                values[k++] = score.apply(set[i], set[j]);
            }
        }
        return values;
    }

    /** score(rows[i], cols[j]) as a matrix [rows.length][cols.length]. */
    static double[][] crossMatrix(boolean[][] rows, boolean[][] cols, MaskPairFunction score) {
        double[][] matrix = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                matrix[i][j] = score.apply(rows[i], cols[j]);
            }
        }
        return matrix;
    }
}
