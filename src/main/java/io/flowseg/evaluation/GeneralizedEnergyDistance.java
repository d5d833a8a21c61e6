package io.flowseg.evaluation;

/**
 * Generalised energy distance with d = 1 - IoU:
 * GED = 2 E[d(pred, gt)] - E[d(pred, pred')] - E[d(gt, gt')].
 *
 * <p>E[d(pred, gt)] averages all M*E sample-rater pairs; the within-set terms average all pairs of
 * distinct masks (i != j; a set of one mask contributes 0). Pairs skipped by the convention are left
 * out of their term's mean; a term with no pairs left makes GED NaN.
 */
public final class GeneralizedEnergyDistance {

    private GeneralizedEnergyDistance() {
    }

    public static double compute(boolean[][] samples, boolean[][] raters, EmptyPairConvention convention) {
        MaskPairFunction distance = (a, b) -> 1.0 - MaskOverlap.iou(a, b, convention);
        double cross = NanStatistics.mean(PairwiseScores.crossMatrix(samples, raters, distance));
        double withinSamples = withinSetMean(samples, distance);
        double withinRaters = withinSetMean(raters, distance);
        return 2 * cross - withinSamples - withinRaters;
    }

    private static double withinSetMean(boolean[][] set, MaskPairFunction distance) {
        // A single mask has no partner: its expected self-distance is 0, not undefined.
        return set.length < 2 ? 0.0 : NanStatistics.mean(PairwiseScores.distinctPairs(set, distance));
    }
}
