package io.flowseg.evaluation;

/**
 * Generalised energy distance with d = 1 - IoU:
 * GED = 2 E[d(pred, gt)] - E[d(pred, pred')] - E[d(gt, gt')].
 *
 * <p>E[d(pred, gt)] averages all M*E sample-rater pairs; the within-set terms average the pairs chosen
 * by {@link WithinSetPairs} (default: all i, j including i == j, as the reference code and the
 * published LIDC figures do, so GED is 0 when the samples are the raters).
 * Pairs skipped by the convention are left out of their term's mean; a term with no pairs left makes
 * GED NaN.
 */
public final class GeneralizedEnergyDistance {

    private GeneralizedEnergyDistance() {
    }

    /** GED with {@link WithinSetPairs#WITH_SELF_PAIRS}, comparable with published figures. */
    public static double compute(boolean[][] samples, boolean[][] raters, EmptyPairConvention convention) {
        return compute(samples, raters, convention, WithinSetPairs.WITH_SELF_PAIRS);
    }

    public static double compute(boolean[][] samples, boolean[][] raters, EmptyPairConvention convention,
            WithinSetPairs withinSetPairs) {
        MaskPairFunction distance = (a, b) -> 1.0 - MaskOverlap.iou(a, b, convention);
        double cross = NanStatistics.mean(PairwiseScores.crossMatrix(samples, raters, distance));
        return 2 * cross
                - withinSetMean(samples, distance, withinSetPairs)
                - withinSetMean(raters, distance, withinSetPairs);
    }

    private static double withinSetMean(boolean[][] set, MaskPairFunction distance, WithinSetPairs pairs) {
        if (pairs == WithinSetPairs.WITH_SELF_PAIRS) {
            return NanStatistics.mean(PairwiseScores.crossMatrix(set, set, distance));
        }
        // A single mask has no partner: its expected distance to another draw is taken as 0, not undefined.
        return set.length < 2 ? 0.0 : NanStatistics.mean(PairwiseScores.distinctPairs(set, distance));
    }
}
