package io.flowseg.evaluation;

/**
 * Collective Insight (CI) score of CIMD (Rahman et al., "Ambiguous Medical Image Segmentation using
 * Diffusion Models", CVPR 2023): the harmonic mean of three terms,
 * CI = 3 S_c D_max D_a / (S_c D_max + D_max D_a + S_c D_a).
 *
 * <ul>
 *   <li>S_c, combined sensitivity: TP / (TP + FN) of the union of the samples against the union of the
 *       raters. An empty rater union scores 1 under SCORE_ONE and NaN under SKIP.</li>
 *   <li>D_max, maximum Dice matching: {@link DiceScores#maxDice}.</li>
 *   <li>D_a, diversity agreement: 1 - (|V_max^Y - V_max^S| + |V_min^Y - V_min^S|) / 2, where V is the
 *       pixel-wise variance of the difference (a - b) of two masks, and max/min run over the pairs of
 *       distinct raters (Y) and of distinct samples (S); a set of one mask has V_max = V_min = 0.</li>
 * </ul>
 *
 * <p>This is our reading of the paper, cross-checked against a public third-party implementation
 * ({@code collective_insight}) with the same three terms. Difference: that implementation also includes
 * the self-pairs (i, i), which forces V_min = 0; we use distinct pairs only.
 *
 * @param combinedSensitivity S_c
 * @param maxDice             D_max
 * @param diversityAgreement  D_a
 * @param score               CI
 */
public record CollectiveInsight(double combinedSensitivity, double maxDice, double diversityAgreement, double score) {

    public static CollectiveInsight compute(boolean[][] samples, boolean[][] raters, EmptyPairConvention convention) {
        double sensitivity = combinedSensitivity(samples, raters, convention);
        double maxDice = DiceScores.maxDice(samples, raters, convention);
        double agreement = diversityAgreement(samples, raters);
        return new CollectiveInsight(sensitivity, maxDice, agreement, harmonicMean(sensitivity, maxDice, agreement));
    }

    static double combinedSensitivity(boolean[][] samples, boolean[][] raters, EmptyPairConvention convention) {
        boolean[] predicted = union(samples);
        boolean[] reference = union(raters);
        long truePositive = 0;
        long falseNegative = 0;
        for (int p = 0; p < reference.length; p++) {
            if (reference[p]) {
                if (predicted[p]) {
                    truePositive++;
                } else {
                    falseNegative++;
                }
            }
        }
        if (truePositive + falseNegative == 0) {
            return convention == EmptyPairConvention.SCORE_ONE ? 1.0 : Double.NaN;
        }
        return (double) truePositive / (truePositive + falseNegative);
    }

    static double diversityAgreement(boolean[][] samples, boolean[][] raters) {
        double[] sampleVariation = PairwiseScores.distinctPairs(samples, CollectiveInsight::differenceVariance);
        double[] raterVariation = PairwiseScores.distinctPairs(raters, CollectiveInsight::differenceVariance);
        double deltaMax = extremeOrZero(raterVariation, true) - extremeOrZero(sampleVariation, true);
        double deltaMin = extremeOrZero(raterVariation, false) - extremeOrZero(sampleVariation, false);
        return 1.0 - (Math.abs(deltaMax) + Math.abs(deltaMin)) / 2.0;
    }

    /** Population variance over pixels of (a - b), values in {-1, 0, 1}. */
    static double differenceVariance(boolean[] a, boolean[] b) {
        double sum = 0;
        double squares = 0;
        for (int p = 0; p < a.length; p++) {
            int d = (a[p] ? 1 : 0) - (b[p] ? 1 : 0);
            sum += d;
            squares += d * d;
        }
        double mean = sum / a.length;
        return squares / a.length - mean * mean;
    }

    static double harmonicMean(double a, double b, double c) {
        double denominator = a * b + b * c + a * c;
        if (denominator == 0) {
            return 0.0; // at least two terms are 0: the harmonic mean's limit is 0
        }
        return 3 * a * b * c / denominator;
    }

    private static double extremeOrZero(double[] values, boolean largest) {
        if (values.length == 0) {
            return 0.0; // one mask: no variation
        }
        return largest ? NanStatistics.max(values) : NanStatistics.min(values);
    }

    private static boolean[] union(boolean[][] masks) {
        boolean[] union = new boolean[masks[0].length];
        for (boolean[] mask : masks) {
            for (int p = 0; p < union.length; p++) {
                union[p] |= mask[p];
            }
        }
        return union;
    }
}
